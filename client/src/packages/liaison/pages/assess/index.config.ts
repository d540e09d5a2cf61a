export default definePageConfig({
  navigationBarTitleText: '录入评定',
});
