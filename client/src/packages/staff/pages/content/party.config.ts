export default definePageConfig({ navigationBarTitleText: '党建内容管理' });
