export default definePageConfig({
  navigationBarTitleText: '留言详情',
});
