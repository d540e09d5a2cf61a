export default definePageConfig({ navigationBarTitleText: '公告、党建与议事' });
