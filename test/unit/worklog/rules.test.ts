import { BACKDATE_LIMIT_MS, editableUntil, EDIT_WINDOW_MS, FUTURE_SKEW_MS, occurredAtProblem } from '../../../shared/worklog/rules';

describe('when a record may say the work happened', () => {
  const now = new Date('2026-10-20T12:00:00+08:00');
  it('accepts up to the skew in the future and up to 7 days back, at the edges', () => {
    expect(occurredAtProblem(new Date(now.getTime() + FUTURE_SKEW_MS), now)).toBeNull();
    expect(occurredAtProblem(new Date(now.getTime() + FUTURE_SKEW_MS + 1), now)).toBe('future');
    expect(occurredAtProblem(new Date(now.getTime() - BACKDATE_LIMIT_MS), now)).toBeNull();
    expect(occurredAtProblem(new Date(now.getTime() - BACKDATE_LIMIT_MS - 1), now)).toBe('too_old');
  });

  it('an edit keeps the allowance of the original recording', () => {
    const recordedAt = new Date(now.getTime() - 24 * 3600_000);
    const sixDaysBeforeRecording = new Date(recordedAt.getTime() - 6 * 24 * 3600_000);
    expect(occurredAtProblem(sixDaysBeforeRecording, now, recordedAt)).toBeNull();
    expect(occurredAtProblem(sixDaysBeforeRecording, now)).toBe(null);
    expect(occurredAtProblem(new Date(recordedAt.getTime() - BACKDATE_LIMIT_MS - 1), now, recordedAt)).toBe('too_old');
  });

  it('records stay editable for 48 hours', () => {
    expect(editableUntil(now).getTime() - now.getTime()).toBe(EDIT_WINDOW_MS);
    expect(EDIT_WINDOW_MS).toBe(48 * 3600_000);
  });
});
