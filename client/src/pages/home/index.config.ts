export default definePageConfig({
  navigationBarTitleText: '社区云',
  enableShareAppMessage: true,
});
