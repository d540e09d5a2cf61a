/**
 * Calendar rules are Asia/Shanghai whatever the process zone (tests run with TZ=UTC, as
 * CloudBase does).
 */
import { isWithin, localDateOf, localMonthOf, localWindow, monthWindow, startOfLocalDate } from '../../../shared/time';

describe('Asia/Shanghai windows', () => {
  it('a 30-day window from 2026-10-15 ends on 2026-11-13 inclusive', () => {
    const w = localWindow('2026-10-15');
    expect(w.to).toBe('2026-11-13');
    expect(w.start.toISOString()).toBe('2026-10-14T16:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-13T16:00:00.000Z');
  });

  it('counts 23:59:59 on the last day and not 00:00:00 the next day', () => {
    const w = localWindow('2026-10-15');
    expect(isWithin(new Date('2026-11-13T23:59:59+08:00'), w)).toBe(true);
    expect(isWithin(new Date('2026-11-14T00:00:00+08:00'), w)).toBe(false);
    expect(isWithin(new Date('2026-10-15T00:00:00+08:00'), w)).toBe(true);
    expect(isWithin(new Date('2026-10-14T23:59:59+08:00'), w)).toBe(false);
  });

  it('places a UTC instant on its Shanghai date and month', () => {
    expect(localDateOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01');
    expect(localMonthOf(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10');
    expect(localMonthOf(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11');
  });

  it('gives calendar months their real length', () => {
    expect(monthWindow('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthWindow('2028-02').to).toBe('2028-02-29');
    expect(startOfLocalDate('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('rejects what is not a local date', () => {
    expect(() => localWindow('2026-13-01')).toThrow(RangeError);
    expect(() => localWindow('20261001')).toThrow(RangeError);
    expect(() => monthWindow('2026-1')).toThrow(RangeError);
    expect(() => monthWindow('2026-00')).toThrow(RangeError);
    expect(() => startOfLocalDate('2026-02-29')).toThrow(RangeError);
  });
});
