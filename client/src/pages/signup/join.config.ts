export default definePageConfig({ navigationBarTitleText: '加入家庭' });
