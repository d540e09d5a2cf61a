export default definePageConfig({ navigationBarTitleText: '积分卡审核' });
