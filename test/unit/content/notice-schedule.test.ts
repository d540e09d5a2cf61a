/**
 * The notice schedule rules (shared/content/notice-schedule.ts) as the contract, the handler and
 * the staff form use them: with a clock (handler, form) and without (the contract).
 */
import { publishNotice } from '../../../shared/contracts/content-notices';
import { expiryIssue, newNoticeScheduleIssues, NOTICE_SCHEDULE_MESSAGES as M, PUBLISH_TOLERANCE_MS, publishTimeIssue } from '../../../shared/content/notice-schedule';

const now = new Date('2026-11-20T02:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('publish time', () => {
  it('takes now, the future and a time within the tolerance', () => {
    for (const at of [now, minutes(1), minutes(60 * 24), new Date(now.getTime() - PUBLISH_TOLERANCE_MS)]) expect(publishTimeIssue(at, now)).toBeNull();
  });

  it('refuses a time further in the past, at publishAt', () => {
    expect(publishTimeIssue(new Date(now.getTime() - PUBLISH_TOLERANCE_MS - 1), now)).toEqual({ path: 'publishAt', message: M.publishPassed });
    expect(publishTimeIssue(minutes(-60), now)).toEqual({ path: 'publishAt', message: M.publishPassed });
  });
});

describe('expiry', () => {
  it('is later than now and than the publish time', () => {
    expect(expiryIssue(minutes(10), { publishAt: minutes(5), now })).toBeNull();
    expect(expiryIssue(minutes(10), { publishAt: minutes(10), now })).toEqual({ path: 'expiresAt', message: M.expiryNotAfterPublish });
    expect(expiryIssue(minutes(10), { publishAt: minutes(60), now })).toEqual({ path: 'expiresAt', message: M.expiryNotAfterPublish });
    expect(expiryIssue(now, { publishAt: minutes(-60), now })).toEqual({ path: 'expiresAt', message: M.expiryNotAfterNow });
  });

  it('says "later than now" first when both are broken', () => {
    expect(expiryIssue(minutes(-10), { publishAt: minutes(60), now })).toEqual({ path: 'expiresAt', message: M.expiryNotAfterNow });
  });

  it('without a clock checks only the publish time', () => {
    expect(expiryIssue(minutes(-10), { publishAt: minutes(-20) })).toBeNull();
    expect(expiryIssue(minutes(-10), {})).toBeNull();
  });
});

describe('a notice being published', () => {
  it('publishes at once when no publish time is given: the expiry is then later than now', () => {
    expect(newNoticeScheduleIssues({}, now)).toEqual([]);
    expect(newNoticeScheduleIssues({ expiresAt: minutes(1) }, now)).toEqual([]);
    expect(newNoticeScheduleIssues({ expiresAt: now }, now)).toEqual([{ path: 'expiresAt', message: M.expiryNotAfterNow }]);
    expect(newNoticeScheduleIssues({ expiresAt: null }, now)).toEqual([]);
  });

  it('names every field to correct', () => {
    expect(newNoticeScheduleIssues({ publishAt: minutes(-60), expiresAt: minutes(-70) }, now)).toEqual([
      { path: 'publishAt', message: M.publishPassed },
      { path: 'expiresAt', message: M.expiryNotAfterNow },
    ]);
    expect(newNoticeScheduleIssues({ publishAt: minutes(60), expiresAt: minutes(30) }, now)).toEqual([{ path: 'expiresAt', message: M.expiryNotAfterPublish }]);
  });

  it('without a clock (the contract) checks the two times against each other only', () => {
    expect(newNoticeScheduleIssues({ publishAt: minutes(-60) })).toEqual([]);
    expect(newNoticeScheduleIssues({ expiresAt: minutes(-60) })).toEqual([]);
    expect(newNoticeScheduleIssues({ publishAt: minutes(60), expiresAt: minutes(60) })).toEqual([{ path: 'expiresAt', message: M.expiryNotAfterPublish }]);
  });
});

describe('notice.publish contract', () => {
  const input = { title: '停水通知', body: '明日停水。' };

  it('refuses an expiry not after the publish time, at expiresAt', () => {
    const r = publishNotice.input.safeParse({ ...input, publishAt: minutes(60).toISOString(), expiresAt: minutes(30).toISOString() });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['expiresAt'], message: M.expiryNotAfterPublish })]);
  });

  it('leaves the rules against the clock to the handler and the form', () => {
    expect(publishNotice.input.safeParse({ ...input, publishAt: '2020-01-01T09:00:00+08:00', expiresAt: '2020-01-02T09:00:00+08:00' }).success).toBe(true);
  });
});
