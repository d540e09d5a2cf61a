export default definePageConfig({ navigationBarTitleText: '错时值班' });
