/**
 * The client's one date module (client/src/lib/time.ts) and the one upload path rule
 * (shared/files.ts): always the Shanghai calendar, whatever zone the phone or the process is in.
 */
import { addDays, formatDateTime, formatLocalDate, formatMonth, formatSpan, localDate, localMonth, localTime, shiftMonth } from '../../../client/src/lib/time';
import { uploadPath } from '../../../shared/files';

// 16:30 UTC on 30 November is 00:30 on 1 December in Shanghai
const NEXT_DAY_IN_SHANGHAI = '2026-11-30T16:30:00.000Z';

it('reads instants on the Shanghai calendar and clock', () => {
  expect(localDate(NEXT_DAY_IN_SHANGHAI)).toBe('2026-12-01');
  expect(localTime(NEXT_DAY_IN_SHANGHAI)).toBe('00:30');
  expect(localMonth(NEXT_DAY_IN_SHANGHAI)).toBe('2026-12');
});

it('formats an instant in full, or short with the year only when it is another year', () => {
  expect(formatDateTime('2026-11-23T06:05:00.000Z')).toBe('2026年11月23日 14:05');
  const thisYear = localDate().slice(0, 4);
  expect(formatDateTime(`${thisYear}-06-10T02:00:00.000Z`, 'short')).toBe('6月10日 10:00');
  expect(formatDateTime('2099-02-28T23:30:00.000Z', 'short')).toBe('2099年3月1日 07:30');
  expect(formatSpan('2026-11-30T11:38:00.000Z', '2026-11-30T14:38:00.000Z')).toBe('2026年11月30日 19:38 至 22:38');
  expect(formatSpan('2026-11-30T11:38:00.000Z', NEXT_DAY_IN_SHANGHAI)).toBe('2026年11月30日 19:38 至 2026年12月1日 00:30');
});

it('does calendar arithmetic on dates, not instants', () => {
  expect(formatLocalDate('2026-12-13')).toBe('2026年12月13日');
  expect(formatLocalDate('2026-12-13', 'short')).toBe('12月13日');
  expect(formatMonth('2026-01')).toBe('2026年1月');
  expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
});

it('files an upload under the Shanghai month, for both builds', () => {
  expect(uploadPath('uploads/o-1', '../签名.png', 'ab12', new Date(NEXT_DAY_IN_SHANGHAI))).toBe('uploads/o-1/2026-12/ab12-_签名.png');
});
