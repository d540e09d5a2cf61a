/**
 * Resident pages live in the main package (≤ 2 MB); staff and liaison workspaces are
 * subpackages, downloaded only by those who open them.
 */
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/notices/index',
    'pages/mine/index',
    // resident columns: 社区公告, 党建园地, 议事厅, 问居委会
    'pages/notices/detail',
    'pages/party/index',
    'pages/party/detail',
    'pages/hall/index',
    'pages/hall/detail',
    'pages/hall/propose',
    'pages/questions/index',
    'pages/questions/ask',
    'pages/questions/detail',
    // 家庭登记 (上云) and 我的家庭: reached from the home page and from shared invitations
    'pages/signup/index',
    'pages/signup/claim',
    'pages/signup/join',
    'pages/household/index',
    // 首问接待: opened by scanning the QR on the staff device (pages/reception/link.ts)
    'pages/reception/confirm',
  ],
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'pages/index/index',
        'pages/inbox/index',
        'pages/inbox/detail',
        'pages/records/index',
        'pages/records/new',
        'pages/records/detail',
        'pages/records/reception',
        'pages/orders/index',
        'pages/orders/new',
        'pages/orders/detail',
        'pages/points/index',
        'pages/points/card',
        'pages/points/decision',
        'pages/points/correct',
        'pages/roster/index',
        'pages/roster/plan',
        'pages/register/index',
        'pages/register/codes',
        // 居民互动内容: publish and look after notices, 党建园地 posts and 议事厅 topics
        'pages/content/index',
        'pages/content/notice-new',
        'pages/content/notice',
        'pages/content/party-new',
        'pages/content/party',
        'pages/content/topic',
      ],
    },
    { root: 'packages/liaison', pages: ['pages/index/index', 'pages/scope/index', 'pages/indicator/index', 'pages/committee/index', 'pages/assess/index', 'pages/staff/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#B3261E',
    navigationBarTitleText: '社区云',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F3EE',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#B3261E',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      // Icon and word together: easier to recognise than either alone.
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/notices/index', text: '公告', iconPath: 'assets/tab/notices.png', selectedIconPath: 'assets/tab/notices-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
