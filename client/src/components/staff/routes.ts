/** Staff page paths in one place (the inbox detail path is also what WeCom notices open). */
import { ADMIN_ROUTES } from '../admin/routes';

const ROOT = '/packages/staff/pages';

export const STAFF_ROUTES = {
  home: `${ROOT}/index/index`,
  inbox: `${ROOT}/inbox/index`,
  inboxDetail: (id: string) => `${ROOT}/inbox/detail?id=${encodeURIComponent(id)}`,
  records: `${ROOT}/records/index`,
  newRecord: (type: 'visit' | 'reception' | 'meeting' | 'activity') => `${ROOT}/records/new?type=${type}`,
  recordDetail: (id: string) => `${ROOT}/records/detail?id=${encodeURIComponent(id)}`,
  reception: (id: string) => `${ROOT}/records/reception?id=${encodeURIComponent(id)}`,
  orders: `${ROOT}/orders/index`,
  orderDetail: (id: string) => `${ROOT}/orders/detail?id=${encodeURIComponent(id)}`,
  newOrder: `${ROOT}/orders/new`,
  roster: `${ROOT}/roster/index`,
  /** 安排值班 (secretary); `date` preselects a day of the week being viewed */
  rosterPlan: (date?: string) => `${ROOT}/roster/plan${date ? `?date=${date}` : ''}`,
  register: `${ROOT}/register/index`,
  registerCodes: `${ROOT}/register/codes`,
  points: `${ROOT}/points/index`,
  pointsCard: (staffId: string, month: string) => `${ROOT}/points/card?staffId=${encodeURIComponent(staffId)}&month=${month}`,
  /** 集体讨论决定; `staffId` preselects the staff member it concerns */
  pointsDecision: (staffId?: string) => `${ROOT}/points/decision${staffId ? `?staffId=${encodeURIComponent(staffId)}` : ''}`,
  pointsCorrect: (staffId: string, month: string) => `${ROOT}/points/correct?staffId=${encodeURIComponent(staffId)}&month=${month}`,
  /** 居民互动内容: notices, 党建园地 posts and 议事厅 topics of the committee */
  content: (tab?: 'notice' | 'party' | 'topic') => `${ROOT}/content/index${tab ? `?tab=${tab}` : ''}`,
  newNotice: `${ROOT}/content/notice-new`,
  notice: (id: string) => `${ROOT}/content/notice?id=${encodeURIComponent(id)}`,
  newPartyPost: `${ROOT}/content/party-new`,
  partyPost: (id: string) => `${ROOT}/content/party?id=${encodeURIComponent(id)}`,
  topic: (id: string) => `${ROOT}/content/topic?id=${encodeURIComponent(id)}`,
  /** the staff directory (liaison subpackage): read-only for a secretary */
  staffDirectory: ADMIN_ROUTES.staff,
} as const;
