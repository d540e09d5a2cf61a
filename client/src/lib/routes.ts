/** Page paths in one place, so a moved page breaks the type check instead of a tap. */
export const ROUTES = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  staff: '/packages/staff/pages/index/index',
  liaison: '/packages/liaison/pages/index/index',
} as const;
