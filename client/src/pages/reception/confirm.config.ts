export default definePageConfig({ navigationBarTitleText: '确认接待' });
