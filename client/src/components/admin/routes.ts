/** The staff directory page (liaison subpackage), opened from the 统计 home and the 工作台. */
export const ADMIN_ROUTES = {
  staff: '/packages/liaison/pages/staff/index',
} as const;
