/**
 * content · 社区公告 through the real path: scheduled and expired notices, pinned first, the
 * first read counted once (repeated and concurrent reads), shares and reads through a share.
 */
import { editNotice, getNotice, listNotices, publishNotice, shareNotice, updateNotice } from '../../shared/contracts/content-notices';
import { DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok } from '../support/local-cloud';
import { HOME, OTHER, allPages, resident, useContentCloud } from './content-fixtures';

const NEIGHBOURS = ['notice-resident-0', 'notice-resident-1', 'notice-resident-2'];
const OUTSIDER = 'notice-resident-other';

jest.setTimeout(60_000);

const t = useContentCloud({ users: [...NEIGHBOURS.map((o) => resident(o, HOME, '居民')), resident(OUTSIDER, OTHER, '居民')] });

const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
const publish = async (input: Record<string, unknown> = {}) => ok(await t.call(WANGLI, publishNotice, { title: '停水通知', body: '明日9点至12点停水。', ...input })).id;
const idsFor = async (openid: string) => ok(await t.call(openid, listNotices, { limit: 50 })).items.map((n) => n.id);

describe('notice.publish and visibility', () => {
  it('hides scheduled and expired notices from residents but shows staff their state', async () => {
    const now = await publish({ title: '现在发布' });
    const later = await publish({ title: '定时发布', publishAt: hours(24).toISOString() });
    await t.db.collection('notices').add({
      _id: 'expired-notice',
      committeeId: HOME,
      title: '已过期',
      body: '.',
      pinned: true,
      publishAt: hours(-48),
      expiresAt: hours(-1),
      readCount: 0,
      shareCount: 0,
      shareReadCount: 0,
      authorStaffId: DEMO.staffId(WANGLI),
      authorName: '王丽',
      createdAt: hours(-48),
    });
    const resident = await idsFor(ZHOU);
    expect(resident).toContain(now);
    expect(resident).not.toContain(later);
    expect(resident).not.toContain('expired-notice');
    expect(await t.call(ZHOU, getNotice, { id: later })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(ZHOU, getNotice, { id: 'expired-notice' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const staff = ok(await t.call(ZHANGMIN, listNotices, { limit: 50 })).items;
    expect(staff.find((n) => n.id === later)?.state).toBe('scheduled');
    expect(staff.find((n) => n.id === 'expired-notice')?.state).toBe('expired');
    expect(staff.find((n) => n.id === now)?.state).toBe('published');
    expect(ok(await t.call(ZHANGMIN, getNotice, { id: later }))).toMatchObject({ state: 'scheduled', firstRead: false });
  });

  it('puts pinned notices first, then the newest', async () => {
    // the pinned one goes up first, so the newest is newer than it (a publish time in the past is refused)
    const pinned = await publish({ title: '置顶：防汛通知', pinned: true });
    const newest = await publish({ title: '最新通知' });
    const list = ok(await t.call(ZHOU, listNotices, { limit: 50 })).items;
    expect(list[0]!.id).toBe(pinned);
    expect(list.findIndex((n) => n.id === newest)).toBe(list.findIndex((n) => !n.pinned));
    const unpinned = list.filter((n) => !n.pinned).map((n) => n.publishAt);
    expect([...unpinned].sort().reverse()).toEqual(unpinned);
  });

  it('marks on each resident\'s list the notices they have opened', async () => {
    const opened = await publish({ title: '已读的' });
    const unopened = await publish({ title: '未读的' });
    ok(await t.call(NEIGHBOURS[1]!, getNotice, { id: opened }));
    ok(await t.call(ZHANGMIN, getNotice, { id: unopened }));
    const mine = new Map(ok(await t.call(NEIGHBOURS[1]!, listNotices, { limit: 50 })).items.map((n) => [n.id, n.readByMe]));
    expect(mine.get(opened)).toBe(true);
    expect(mine.get(unopened)).toBe(false);
    expect(new Map(ok(await t.call(NEIGHBOURS[2]!, listNotices, { limit: 50 })).items.map((n) => [n.id, n.readByMe])).get(opened)).toBe(false);
    expect(ok(await t.call(ZHANGMIN, listNotices, { limit: 50 })).items.every((n) => !n.readByMe)).toBe(true);
  });

  it('lets staff pin, unpin and change the expiry', async () => {
    const id = await publish({ title: '待置顶' });
    ok(await t.call(ZHANGMIN, updateNotice, { id, pinned: true }));
    expect(ok(await t.call(ZHOU, listNotices, {})).items[0]!.id).toBe(id);
    ok(await t.call(ZHANGMIN, updateNotice, { id, pinned: false, expiresAt: hours(1).toISOString() }));
    expect(ok(await t.call(ZHOU, getNotice, { id }))).toMatchObject({ pinned: false, expiresAt: expect.any(String) });
    ok(await t.call(ZHANGMIN, updateNotice, { id, expiresAt: null }));
    expect(ok(await t.call(ZHOU, getNotice, { id })).expiresAt).toBeNull();
    // an expiry in the past is a take-down, which has its own action at the server's now
    expect(await t.call(ZHANGMIN, updateNotice, { id, expiresAt: hours(-1).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [{ path: 'expiresAt', message: '过期时间应晚于现在' }] },
    });
    expect(await t.call(ZHANGMIN, updateNotice, { id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(ZHOU, updateNotice, { id, pinned: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, updateNotice, { id, pinned: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('takes a published notice down at the server\'s now, and refuses that for a scheduled one', async () => {
    const id = await publish({ title: '发错了' });
    expect(await idsFor(ZHOU)).toContain(id);
    ok(await t.call(ZHANGMIN, updateNotice, { id, takeDown: true }));
    expect(await idsFor(ZHOU)).not.toContain(id);
    expect(ok(await t.call(ZHANGMIN, getNotice, { id })).state).toBe('expired');
    // back up again by clearing the expiry
    ok(await t.call(ZHANGMIN, updateNotice, { id, expiresAt: null }));
    expect(await idsFor(ZHOU)).toContain(id);

    const later = await publish({ publishAt: hours(2).toISOString() });
    expect(await t.call(ZHANGMIN, updateNotice, { id: later, takeDown: true })).toMatchObject({ ok: false, error: { code: 'NOTICE_NOT_PUBLISHED' } });
    expect(await t.call(ZHANGMIN, updateNotice, { id, takeDown: true, expiresAt: hours(1).toISOString() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(ZHOU, updateNotice, { id, takeDown: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets staff correct the title and text; residents see the new text marked as changed, reads kept', async () => {
    const id = await publish({ title: '周六停水', body: '周六9点停水。' });
    ok(await t.call(NEIGHBOURS[0]!, getNotice, { id }));
    expect(ok(await t.call(NEIGHBOURS[0]!, getNotice, { id })).editedAt).toBeNull();
    const { editedAt } = ok(await t.call(ZHANGMIN, editNotice, { id, title: '周日停水（更正）', body: '周日9点停水。' }));
    const seen = ok(await t.call(NEIGHBOURS[0]!, getNotice, { id }));
    expect(seen).toMatchObject({ title: '周日停水（更正）', body: '周日9点停水。', editedAt, readCount: 1 });
    expect(ok(await t.call(NEIGHBOURS[0]!, listNotices, { limit: 50 })).items.find((n) => n.id === id)).toMatchObject({ title: '周日停水（更正）', editedAt });
    expect((await t.db.collection('notices').doc(id).get()).data[0]).toMatchObject({ editedByStaffId: DEMO.staffId(ZHANGMIN) });
    expect(await t.call(ZHOU, editNotice, { id, title: 'x', body: 'y' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, editNotice, { id, title: 'x', body: 'y' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(ZHANGMIN, editNotice, { id, title: '', body: 'y' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('rejects bad input and refuses non-staff', async () => {
    expect(await t.call(WANGLI, publishNotice, { title: '', body: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(WANGLI, publishNotice, { title: '题', body: 'x', publishAt: '明天' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(WANGLI, publishNotice, { title: '题', body: 'x', publishAt: hours(5).toISOString(), expiresAt: hours(2).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'expiresAt' })] },
    });
    expect(await t.call(WANGLI, publishNotice, { title: '题', body: 'x', expiresAt: hours(-2).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [{ path: 'expiresAt', message: '过期时间应晚于现在' }] },
    });
    // a scheduled time already gone (beyond the few minutes a phone's clock may be off) is refused too
    expect(await t.call(WANGLI, publishNotice, { title: '题', body: 'x', publishAt: hours(-1).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'publishAt' })] },
    });
    ok(await t.call(WANGLI, publishNotice, { title: '刚过一分钟', body: 'x', publishAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(await t.call(ZHOU, publishNotice, { title: '题', body: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('', publishNotice, { title: '题', body: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('lists more than 100 notices fully across pages', async () => {
    const base = Date.now() - 7 * 86_400_000;
    const docs = Array.from({ length: 120 }, (_, i) => ({
      _id: `bulk-notice-${String(i).padStart(3, '0')}`,
      committeeId: OTHER,
      title: `通知${i}`,
      body: '.',
      pinned: i === 119,
      publishAt: new Date(base - i * 60_000),
      expiresAt: null,
      readCount: 0,
      shareCount: 0,
      shareReadCount: 0,
      authorStaffId: DEMO.staffId(LIQIANG),
      authorName: '李强',
      createdAt: new Date(base),
    }));
    await t.db.collection('notices').add(docs);
    const { items } = await allPages(async (offset) => ok(await t.call(OUTSIDER, listNotices, { offset, limit: 50 })));
    const ids = items.map((n) => n.id);
    expect(ids).toEqual(['bulk-notice-119', ...docs.slice(0, 119).map((d) => d._id)]);
  });
});

describe('reads', () => {
  it('counts a resident’s first read once across repeated and concurrent reads', async () => {
    const id = await publish({ title: '阅读计数' });
    const first = ok(await t.call(ZHOU, getNotice, { id }));
    expect(first).toMatchObject({ firstRead: true, readCount: 1 });
    expect(ok(await t.call(ZHOU, getNotice, { id }))).toMatchObject({ firstRead: false, readCount: 1 });
    // warm every function instance first, so the reads below really run at the same time
    await Promise.all([...NEIGHBOURS, ZHOU].map((o) => t.call(o, listNotices, {})));
    const burst = await Promise.all([...NEIGHBOURS, ...NEIGHBOURS, ...NEIGHBOURS].map((o) => t.call(o, getNotice, { id })));
    expect(burst.filter((r) => ok(r).firstRead)).toHaveLength(3);
    expect((await t.db.collection('notice_reads').where({ noticeId: id }).count()).total).toBe(4);
    const stored = await t.db.collection('notices').doc(id).get();
    expect(stored.data[0]).toMatchObject({ readCount: 4 });
    // staff reading is not a resident interaction
    expect(ok(await t.call(ZHANGMIN, getNotice, { id }))).toMatchObject({ firstRead: false, readCount: 4 });
    expect(ok(await t.call(ZHANGMIN, listNotices, { limit: 50 })).items.find((n) => n.id === id)?.readCount).toBe(4);
  });

  it('keeps other committees out', async () => {
    const id = await publish();
    expect(await t.call(OUTSIDER, getNotice, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LIQIANG, getNotice, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await idsFor(OUTSIDER)).not.toContain(id);
    expect(await t.call('someone-new', getNotice, { id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(ZHOU, getNotice, { id: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('shares', () => {
  it('records a share and the reads that arrive through it, each once', async () => {
    const id = await publish({ title: '分享到群' });
    const share = ok(await t.call(ZHOU, shareNotice, { id }, 'share-request-001'));
    expect(share.shareCount).toBe(1);
    expect(ok(await t.call(ZHOU, shareNotice, { id }, 'share-request-001'))).toEqual(share);
    const stored = await t.db.collection('notice_shares').doc(share.shareId).get();
    expect(stored.data[0]).toMatchObject({ noticeId: id, sharerOpenid: ZHOU, readCount: 0 });

    const via = ok(await t.call(NEIGHBOURS[0]!, getNotice, { id, viaShareId: share.shareId }));
    expect(via).toMatchObject({ firstRead: true, viaShareRecorded: true, shareReadCount: 1 });
    const again = await Promise.all([1, 2, 3].map(() => t.call(NEIGHBOURS[0]!, getNotice, { id, viaShareId: share.shareId })));
    for (const r of again) expect(ok(r)).toMatchObject({ viaShareRecorded: false });
    ok(await t.call(NEIGHBOURS[1]!, getNotice, { id, viaShareId: share.shareId }));
    // the sharer opening their own link is not a read through the share
    expect(ok(await t.call(ZHOU, getNotice, { id, viaShareId: share.shareId }))).toMatchObject({ viaShareRecorded: false });
    // a share id of another notice is ignored
    const other = await publish({ title: '另一个' });
    expect(ok(await t.call(NEIGHBOURS[2]!, getNotice, { id: other, viaShareId: share.shareId }))).toMatchObject({ firstRead: true, viaShareRecorded: false });

    expect((await t.db.collection('notice_shares').doc(share.shareId).get()).data[0]).toMatchObject({ readCount: 2 });
    expect((await t.db.collection('notice_share_reads').where({ shareId: share.shareId }).count()).total).toBe(2);
    expect(ok(await t.call(ZHANGMIN, getNotice, { id }))).toMatchObject({ shareCount: 1, shareReadCount: 2, readCount: 3 });
    const read = await t.db.collection('notice_reads').where({ noticeId: id, openid: NEIGHBOURS[0]! }).get();
    expect(read.data[0]).toMatchObject({ viaShareId: share.shareId });
  });

  it('refuses to share unpublished notices, for strangers, and with unknown fields', async () => {
    const id = await publish();
    expect(ok(await t.call(NEIGHBOURS[1]!, shareNotice, { id })).shareCount).toBe(1);
    const later = await publish({ publishAt: hours(3).toISOString() });
    expect(await t.call(ZHANGMIN, shareNotice, { id: later })).toMatchObject({ ok: false, error: { code: 'NOTICE_NOT_PUBLISHED' } });
    expect(await t.call(OUTSIDER, shareNotice, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('', shareNotice, { id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // a group id the client claims is never taken: it comes only as open data CloudBase decrypted
    expect(await t.call(ZHOU, shareNotice, { id, groupId: 'opaque-group-123' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('group chats a notice is opened from (getGroupEnterInfo open data)', () => {
  /** what wx.cloud.CloudID(cloudID) becomes on the local cloud's wire */
  const fromGroup = (openid: string, opengid: string, shape: 'opengid' | 'openGId' = 'opengid') => ({
    groupEnter: { $localCloudID: t.cloud.openData.issue(openid, { [shape]: opengid }) },
  });
  const groupsOf = async (id: string) => (await t.db.collection('notice_groups').where({ noticeId: id }).get()).data as { groupId: string; viaShareId: string | null }[];

  it('records the decrypted group with the read through a share, and counts each group once', async () => {
    const id = await publish({ title: '群里的通知' });
    const { shareId } = ok(await t.call(ZHOU, shareNotice, { id }));
    const first = ok(await t.call(NEIGHBOURS[0]!, getNotice, { id, viaShareId: shareId }, undefined, fromGroup(NEIGHBOURS[0]!, 'G-building-3')));
    expect(first).toMatchObject({ firstRead: true, viaShareRecorded: true, newGroupRecorded: true, groupCount: 1 });
    // the same group again (another resident, racing opens): still one group
    const again = await Promise.all([NEIGHBOURS[1]!, NEIGHBOURS[1]!, NEIGHBOURS[2]!].map((o) => t.call(o, getNotice, { id, viaShareId: shareId }, undefined, fromGroup(o, 'G-building-3'))));
    for (const r of again) expect(ok(r)).toMatchObject({ groupCount: 1 });
    expect(again.filter((r) => ok(r).newGroupRecorded)).toHaveLength(0);
    // getShareInfo's spelling (openGId) names a group too; a resident who already read it still widens the reach
    expect(ok(await t.call(NEIGHBOURS[0]!, getNotice, { id }, undefined, fromGroup(NEIGHBOURS[0]!, 'G-building-5', 'openGId')))).toMatchObject({ firstRead: false, newGroupRecorded: true, groupCount: 2 });

    expect(await groupsOf(id)).toEqual(expect.arrayContaining([
      expect.objectContaining({ groupId: 'G-building-3', viaShareId: shareId }),
      expect.objectContaining({ groupId: 'G-building-5', viaShareId: null }),
    ]));
    const shareRead = await t.db.collection('notice_share_reads').where({ shareId, openid: NEIGHBOURS[0]! }).get();
    expect(shareRead.data[0]).toMatchObject({ groupId: 'G-building-3' });
    const read = await t.db.collection('notice_reads').where({ noticeId: id, openid: NEIGHBOURS[2]! }).get();
    expect(read.data[0]).toMatchObject({ groupId: 'G-building-3', viaShareId: shareId });
    expect(ok(await t.call(ZHANGMIN, getNotice, { id }))).toMatchObject({ groupCount: 2, shareReadCount: 3 });
  });

  it('takes no group from a forged, foreign or undeclared field, and staff reads add none', async () => {
    const id = await publish({ title: '不可伪造' });
    // a client sending what looks like decrypted data: the platform never lets it through
    const forged = { groupEnter: { cloudID: 'x', data: { opengid: 'G-forged' } } };
    expect(ok(await t.call(NEIGHBOURS[0]!, getNotice, { id }, undefined, forged))).toMatchObject({ firstRead: true, newGroupRecorded: false, groupCount: 0 });
    // a cloudID issued to someone else does not decrypt for this caller
    expect(ok(await t.call(NEIGHBOURS[1]!, getNotice, { id }, undefined, fromGroup(NEIGHBOURS[2]!, 'G-other')))).toMatchObject({ firstRead: true, newGroupRecorded: false });
    // open data inside the payload is an unknown field, refused
    expect(await t.call(NEIGHBOURS[2]!, getNotice, { id, ...fromGroup(NEIGHBOURS[2]!, 'G-x') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // staff opening it from a group is work, not reach
    expect(ok(await t.call(ZHANGMIN, getNotice, { id }, undefined, fromGroup(ZHANGMIN, 'G-staff')))).toMatchObject({ newGroupRecorded: false, groupCount: 0 });
    expect(await groupsOf(id)).toEqual([]);
  });
});
