export default definePageConfig({
  navigationBarTitleText: '党建园地',
});
