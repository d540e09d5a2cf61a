export default definePageConfig({
  navigationBarTitleText: '问居委会',
});
