/**
 * Resident pages live in the main package (≤ 2 MB); staff and liaison workspaces are
 * subpackages, downloaded only by those who open them.
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/staff', pages: ['pages/index/index'] },
    { root: 'packages/liaison', pages: ['pages/index/index'] },
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
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
