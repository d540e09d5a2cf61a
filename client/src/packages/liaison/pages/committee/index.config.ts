export default definePageConfig({
  navigationBarTitleText: '居村委情况',
});
