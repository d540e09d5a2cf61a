export default definePageConfig({ navigationBarTitleText: '更正积分卡' });
