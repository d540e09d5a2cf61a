import { isOverdue, noticeExcerpt, onlineReplyPoints, replyDueAt, satisfiedAnswersByStaff, type AnswerFacts } from '../../../shared/inbox';

describe('reply deadline', () => {
  const asked = new Date('2026-11-20T10:00:00Z'); // Friday 18:00 in Shanghai
  it('is 24 natural hours, weekends included', () => {
    expect(replyDueAt(asked).toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });
  it('flags open questions past it and answers given after it', () => {
    const q = { dueAt: replyDueAt(asked), answeredAt: null };
    expect(isOverdue(q, new Date('2026-11-21T09:59:59Z'))).toBe(false);
    expect(isOverdue(q, new Date('2026-11-21T10:00:01Z'))).toBe(true);
    expect(isOverdue({ ...q, answeredAt: new Date('2026-11-21T09:00:00Z') }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...q, answeredAt: new Date('2026-11-21T11:00:00Z') }, new Date('2026-11-21T11:00:00Z'))).toBe(true);
  });
});

describe('notice excerpt', () => {
  it('keeps the first 20 characters', () => {
    expect(noticeExcerpt('楼道里的灯坏了三天了，晚上回家很不方便，能不能尽快找人来修一下？')).toBe('楼道里的灯坏了三天了，晚上回家很不方便，…');
    expect(noticeExcerpt('  短问题\n换行  ')).toBe('短问题 换行');
  });
  it('stars phone and ID numbers before cutting', () => {
    expect(noticeExcerpt('请回电13812345678谢谢')).toBe('请回电***********谢谢');
    expect(noticeExcerpt('证31010719800101123x')).toBe('证******************');
    expect(noticeExcerpt('3号楼502室')).toBe('3号楼502室');
  });
});

describe('线上反馈 counting', () => {
  const at = (iso: string) => new Date(iso);
  const facts: AnswerFacts[] = [
    { answeredBy: 'a', rating: { satisfied: true, at: at('2026-11-01T00:30:00+08:00') } },
    { answeredBy: 'a', rating: { satisfied: true, at: at('2026-11-30T23:59:00+08:00') } },
    { answeredBy: 'a', rating: { satisfied: false, at: at('2026-11-10T10:00:00+08:00') } },
    // 2026-10-31T23:30 in Shanghai, although 2026-10-31T15:30Z: October
    { answeredBy: 'a', rating: { satisfied: true, at: at('2026-10-31T15:30:00Z') } },
    // 2026-12-01T00:10 in Shanghai, although still November in UTC: December
    { answeredBy: 'b', rating: { satisfied: true, at: at('2026-11-30T16:10:00Z') } },
    { answeredBy: 'b', rating: { satisfied: true, at: at('2026-11-15T09:00:00+08:00') } },
    { answeredBy: 'c', rating: null },
    { answeredBy: null, rating: null },
  ];
  it('counts complete answers rated satisfied in the Shanghai month of the rating', () => {
    expect(Object.fromEntries(satisfiedAnswersByStaff(facts, '2026-11'))).toEqual({ a: 2, b: 1 });
    expect(Object.fromEntries(satisfiedAnswersByStaff(facts, '2026-10'))).toEqual({ a: 1 });
    expect(Object.fromEntries(satisfiedAnswersByStaff(facts, '2026-12'))).toEqual({ b: 1 });
  });
  it('gives 0.5 points per satisfied answer', () => {
    expect(onlineReplyPoints(3)).toBe(1.5);
    expect(onlineReplyPoints(0)).toBe(0);
  });
});
