export default definePageConfig({ navigationBarTitleText: '家庭登记' });
