export default definePageConfig({
  navigationBarTitleText: '登记码与核对',
  enablePullDownRefresh: false,
});
