export default definePageConfig({
  navigationBarTitleText: '线上反馈',
  enablePullDownRefresh: false,
});
