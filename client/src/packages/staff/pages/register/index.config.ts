export default definePageConfig({
  navigationBarTitleText: '人口库导入',
  enablePullDownRefresh: false,
});
