export default definePageConfig({ navigationBarTitleText: '居民确认接待', disableScroll: false });
