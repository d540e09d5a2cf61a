export default definePageConfig({ navigationBarTitleText: '发布党建内容' });
