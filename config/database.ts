/**
 * The one declaration of every collection and its indexes. The local cloud creates SQLite
 * expression indexes from it; `npm run deploy` creates the same collections and indexes in
 * CloudBase. A collection missing here does not exist (the local cloud answers like CloudBase
 * does for a missing collection).
 *
 * Edit by adding entries; keep each domain's collections together under its comment.
 */
import { z } from 'zod';

const indexSpec = z.object({
  /** index name, unique within the collection */
  name: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
  /** dotted field paths in order, 1 ascending, -1 descending */
  keys: z.array(z.tuple([z.string().regex(/^[A-Za-z_][\w.]*$/), z.union([z.literal(1), z.literal(-1)])])).min(1),
  unique: z.boolean().optional(),
});

const collectionSpec = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  description: z.string().min(1),
  indexes: z.array(indexSpec),
});

export const databaseSchema = z.array(collectionSpec).superRefine((cols, ctx) => {
  const seen = new Set<string>();
  for (const c of cols) {
    if (seen.has(c.name)) ctx.addIssue({ code: 'custom', message: `duplicate collection ${c.name}` });
    seen.add(c.name);
  }
});

export type IndexSpec = z.infer<typeof indexSpec>;
export type CollectionSpec = z.infer<typeof collectionSpec>;
export type DatabaseSchema = z.infer<typeof databaseSchema>;

const declared: DatabaseSchema = [
  // ── regions ──────────────────────────────────────────────────────────────
  { name: 'districts', description: '区', indexes: [{ name: 'code', keys: [['code', 1]], unique: true }] },
  { name: 'streets', description: '街镇', indexes: [{ name: 'district', keys: [['districtId', 1], ['code', 1]] }] },
  {
    name: 'committees',
    description: '居村委 (urban 居委会 / rural 村委会)',
    indexes: [
      { name: 'street', keys: [['streetId', 1], ['code', 1]] },
      { name: 'district', keys: [['districtId', 1], ['code', 1]] },
    ],
  },
  // ── people and identity ─────────────────────────────────────────────────
  {
    name: 'users',
    description: 'WeChat users of the mini-program, one per OPENID: consent, claimed household',
    indexes: [{ name: 'openid', keys: [['openid', 1]], unique: true }],
  },
  {
    name: 'staff',
    description: 'committee staff, secretaries, liaisons and administrators (role and scope are read here, never from the client)',
    indexes: [
      { name: 'wecom', keys: [['corpId', 1], ['userId', 1]], unique: true },
      { name: 'openid', keys: [['openid', 1]] },
      { name: 'committee', keys: [['committeeId', 1]] },
      { name: 'street', keys: [['streetId', 1], ['name', 1]] },
      { name: 'district', keys: [['districtId', 1], ['name', 1]] },
    ],
  },
  // ── household: population register and sign-up (issue: resident platform) ──
  {
    name: 'households',
    description: '本地人口库 households (户), one per committee + 户编号; verifiedCount ≥ 1 = 上云 (docs/household.md)',
    indexes: [
      { name: 'committee_household', keys: [['committeeId', 1], ['householdId', 1]], unique: true },
      { name: 'committee_place', keys: [['committeeId', 1], ['placeKey', 1]] },
      { name: 'committee_register', keys: [['committeeId', 1], ['inRegister', 1], ['onCloud', 1]] },
      { name: 'committee_import', keys: [['committeeId', 1], ['importJobId', 1]] },
    ],
  },
  {
    name: 'persons',
    description: 'register persons: keyed ID hashes and masks only, phone encrypted; status active / moved_out; claimedBy = verified WeChat user',
    indexes: [
      { name: 'household', keys: [['householdDocId', 1], ['status', 1]] },
      { name: 'committee_status', keys: [['committeeId', 1], ['status', 1], ['complete', 1]] },
      { name: 'committee_import', keys: [['committeeId', 1], ['importJobId', 1]] },
      { name: 'committee_moved', keys: [['committeeId', 1], ['movedOutJobId', 1]] },
    ],
  },
  { name: 'household_members', description: 'verified members (_id = OPENID: one household per user), via claim, code or invitation', indexes: [{ name: 'household', keys: [['householdDocId', 1], ['joinedAt', 1]] }] },
  { name: 'household_import_jobs', description: 'register import jobs: batches applied, progress, exact final counts', indexes: [{ name: 'committee_created', keys: [['committeeId', 1], ['createdAt', -1]] }] },
  { name: 'household_import_chunks', description: 'protected households staged for a running import job, deleted when it finishes', indexes: [{ name: 'job', keys: [['jobId', 1], ['index', 1]], unique: true }] },
  { name: 'household_codes', description: 'one-time sign-up codes issued by staff (_id = keyed hash of the code), short-lived, single-use', indexes: [{ name: 'household', keys: [['householdDocId', 1], ['issuedAt', -1]] }] },
  { name: 'household_invites', description: 'family invitations (_id = hash of the token), single-use, with expiry', indexes: [{ name: 'household', keys: [['householdDocId', 1], ['createdAt', -1]] }] },
  { name: 'household_claim_attempts', description: 'failed claim attempts per resident (r:) and per typed address (p:), for the lock', indexes: [] },
  {
    name: 'household_checks',
    description: '请居委会核对: a resident whose claim did not match asks the committee to check (no ID digits kept)',
    indexes: [
      { name: 'committee_status', keys: [['committeeId', 1], ['status', 1], ['createdAt', -1], ['_id', -1]] },
      { name: 'openid', keys: [['openid', 1], ['createdAt', -1]] },
    ],
  },
  // ── content: 党建园地, 议事厅, 社区公告 (issue: resident platform) ──────────
  // list indexes end with `_id`, the lists' tie-break, so a page is read in index order without a sort
  {
    name: 'party_posts',
    description: '党建园地: articles, party activities and volunteer calls of a committee (signupCount / likeCount kept in transactions)',
    indexes: [
      { name: 'committee_kind', keys: [['committeeId', 1], ['kind', 1], ['publishedAt', -1], ['_id', -1]] },
      { name: 'committee_published', keys: [['committeeId', 1], ['publishedAt', -1], ['_id', -1]] },
    ],
  },
  { name: 'party_likes', description: 'one like per user per party post (_id derived from post and user)', indexes: [{ name: 'post', keys: [['postId', 1], ['at', -1]] }] },
  {
    name: 'party_signups',
    description: 'sign-ups for party activities and volunteer calls, one per user per post; capacity enforced with the post counter',
    indexes: [
      { name: 'post', keys: [['postId', 1], ['at', 1], ['_id', 1]] },
      { name: 'committee_at', keys: [['committeeId', 1], ['at', -1]] },
    ],
  },
  {
    name: 'topics',
    description: '议事厅 topics: proposed → discussing → concluded → followed_up, optional poll',
    indexes: [
      { name: 'committee_stage', keys: [['committeeId', 1], ['stage', 1], ['updatedAt', -1], ['_id', -1]] },
      { name: 'committee_updated', keys: [['committeeId', 1], ['updatedAt', -1], ['_id', -1]] },
    ],
  },
  { name: 'topic_votes', description: 'one poll vote per verified resident per topic (_id derived from topic and user)', indexes: [{ name: 'topic', keys: [['topicId', 1]] }] },
  {
    name: 'topic_outcomes',
    description: '议事厅 成果: what was decided, who acts, by when; follow-ups appended (_id = topic id: one outcome per topic)',
    indexes: [{ name: 'committee_decided', keys: [['committeeId', 1], ['decidedAt', -1]] }],
  },
  {
    name: 'notices',
    description: '社区公告: scheduled publish time, pin, expiry; readCount / shareCount / shareReadCount / groupCount kept in transactions',
    indexes: [
      { name: 'committee_feed', keys: [['committeeId', 1], ['pinned', -1], ['publishAt', -1], ['_id', -1]] },
      { name: 'committee_published', keys: [['committeeId', 1], ['publishAt', -1]] },
    ],
  },
  {
    name: 'notice_reads',
    description: "each user's first read of a notice (_id derived from notice and user)",
    indexes: [
      { name: 'notice', keys: [['noticeId', 1], ['at', -1]] },
      { name: 'committee_at', keys: [['committeeId', 1], ['at', -1]] },
    ],
  },
  {
    name: 'notice_shares',
    description: 'a notice shared from the app (转发): sharer and time; readCount counts the reads that arrived through it',
    indexes: [
      { name: 'notice', keys: [['noticeId', 1], ['at', -1]] },
      { name: 'committee_at', keys: [['committeeId', 1], ['at', -1]] },
    ],
  },
  {
    name: 'notice_share_reads',
    description: 'first read of a notice that arrived through a share, one per user per share, with the group chat it came from',
    indexes: [
      { name: 'share', keys: [['shareId', 1], ['at', -1]] },
      { name: 'committee_at', keys: [['committeeId', 1], ['at', -1]] },
    ],
  },
  {
    name: 'notice_groups',
    description: 'a group chat (opengid, decrypted by CloudBase) a notice was opened from: one per notice and group (_id derived from both)',
    indexes: [
      { name: 'notice', keys: [['noticeId', 1], ['firstAt', -1]] },
      { name: 'committee_at', keys: [['committeeId', 1], ['firstAt', -1]] },
    ],
  },
  {
    name: 'content_comments',
    description: '留言 on notices and comments on topics: content-checked before storing, staff may hide',
    indexes: [
      { name: 'target', keys: [['targetType', 1], ['targetId', 1], ['status', 1], ['createdAt', 1], ['_id', 1]] },
      { name: 'committee_at', keys: [['committeeId', 1], ['createdAt', -1]] },
    ],
  },
  // ── inbox: resident questions (issues: resident and staff platform) ────────
  {
    name: 'inbox_questions',
    description: '居民留言 / 线上反馈: a resident question with its replies, hand-overs, rating and WeCom notice state (docs/inbox.md)',
    indexes: [
      { name: 'asker', keys: [['askerOpenid', 1], ['askedAt', -1], ['_id', -1]] },
      { name: 'committee_open', keys: [['committeeId', 1], ['status', 1], ['dueAt', 1], ['_id', 1]] },
      { name: 'committee_answered', keys: [['committeeId', 1], ['status', 1], ['answeredAt', -1], ['_id', 1]] },
      { name: 'committee_satisfied', keys: [['committeeId', 1], ['rating.satisfied', 1], ['rating.at', 1]] },
      { name: 'answerer_satisfied', keys: [['answeredBy', 1], ['rating.satisfied', 1], ['rating.at', 1]] },
    ],
  },
  // ── worklog and roster (issue: staff platform) ─────────────────────────────
  {
    name: 'worklog_records',
    description: '工作记录: 走访 visits, 首问接待 receptions (with their confirmation), 会议记录, 活动开展; bound to committee, staff and instant',
    indexes: [
      { name: 'committee_at', keys: [['committeeId', 1], ['at', -1], ['_id', -1]] },
      { name: 'committee_type_at', keys: [['committeeId', 1], ['type', 1], ['at', -1]] },
      { name: 'staff_at', keys: [['staffId', 1], ['at', -1], ['_id', -1]] },
      { name: 'staff_type_at', keys: [['staffId', 1], ['type', 1], ['at', -1]] },
      { name: 'reception_token', keys: [['reception.confirmation.tokenHash', 1]] },
    ],
  },
  {
    name: 'worklog_orders',
    description: '问题处置 work orders: reported → assigned → handled → closed, with due date and full transition history',
    indexes: [
      { name: 'committee_reported', keys: [['committeeId', 1], ['reportedAt', -1], ['_id', -1]] },
      { name: 'committee_status_event', keys: [['committeeId', 1], ['status', 1], ['lastEventAt', -1]] },
      { name: 'assignee_status', keys: [['assigneeId', 1], ['status', 1], ['dueBy', 1]] },
    ],
  },
  {
    name: 'roster_shifts',
    description: '错时值班 shifts, one per staff member and slot, with sign-in; "on duty now" is committee + startAt ≤ now < endAt',
    indexes: [
      { name: 'committee_start', keys: [['committeeId', 1], ['startAt', 1], ['endAt', 1]] },
      { name: 'staff_start', keys: [['staffId', 1], ['startAt', 1]] },
    ],
  },
  // ── points card (issue: staff platform) ────────────────────────────────────
  {
    name: 'points_entries',
    description: '百事汇积分卡: items the secretary enters per staff member and month (with evidence; deductions cite a decision); soft-removed until signed (docs/points.md)',
    indexes: [
      { name: 'staff_month', keys: [['staffId', 1], ['month', 1], ['removedAt', 1], ['createdAt', 1]] },
      { name: 'committee_month', keys: [['committeeId', 1], ['month', 1]] },
    ],
  },
  {
    name: 'points_decisions',
    description: '居委会班子集体讨论决定 (会议记录) that points-card deductions cite: date, meeting, participants, text, staff concerned',
    indexes: [{ name: 'committee_date', keys: [['committeeId', 1], ['date', -1], ['createdAt', -1], ['_id', -1]] }],
  },
  {
    name: 'points_cards',
    description: 'signed monthly points cards (_id = staffId_month): frozen counts, entries, rubric inputs and result with signer and rubric version; never updated',
    indexes: [
      { name: 'committee_month', keys: [['committeeId', 1], ['month', 1]] },
      { name: 'street_year', keys: [['streetId', 1], ['year', 1], ['_id', 1]] },
    ],
  },
  {
    name: 'points_corrections',
    description: 'visible corrections of signed cards (_id = cardId_cN), shown beside the card; the latest is the month’s effective total',
    indexes: [
      { name: 'card_sequence', keys: [['cardId', 1], ['sequence', 1]], unique: true },
      { name: 'street_year', keys: [['streetId', 1], ['year', 1], ['_id', 1]] },
    ],
  },
  // ── metrics snapshots and assessor entries (issue: acceptance metrics) ─────
  {
    name: 'metrics_snapshots',
    description: 'immutable seed 000 metric snapshots (_id from the input hash: same scope, window, rubric version and data = same snapshot)',
    indexes: [
      { name: 'scope_computed', keys: [['scopeKey', 1], ['computedAt', -1]] },
      { name: 'district_computed', keys: [['scope.districtId', 1], ['computedAt', -1]] },
    ],
  },
  {
    name: 'metrics_exclusions',
    description: 'committees left out of the acceptance (seed 000 备注): reason, who confirmed, who entered; withdrawn, never deleted',
    indexes: [
      { name: 'district_active', keys: [['districtId', 1], ['revokedAt', 1], ['committeeId', 1]] },
      { name: 'committee_active', keys: [['committeeId', 1], ['revokedAt', 1]] },
    ],
  },
  {
    name: 'metrics_assessments',
    description: 'assessor entries per district and indicator (score, reason, evidence, who, when); appended, the latest applies',
    indexes: [{ name: 'district_rubric_at', keys: [['districtId', 1], ['rubricId', 1], ['at', -1]] }],
  },
  // ── platform plumbing ───────────────────────────────────────────────────
  {
    name: 'idempotency',
    description: 'results of writes keyed by the client requestId, so a retried request takes effect once',
    indexes: [{ name: 'key', keys: [['key', 1]], unique: true }],
  },
  {
    name: 'audit_log',
    description: 'append-only: staff reads of personal data, refused changes, sign-offs',
    indexes: [
      { name: 'actor', keys: [['actorId', 1], ['at', -1]] },
      { name: 'subject', keys: [['subjectType', 1], ['subjectId', 1], ['at', -1]] },
    ],
  },
];

export const DATABASE: DatabaseSchema = databaseSchema.parse(declared);
export const COLLECTION_NAMES = DATABASE.map((c) => c.name);
