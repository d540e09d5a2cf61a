export default definePageConfig({ navigationBarTitleText: '集体讨论决定' });
