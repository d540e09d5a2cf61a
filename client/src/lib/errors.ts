/** How a failed call reads to the user: one message, or messages by form field. */
import { AppError, isAppError } from '@shared/errors';

/** Anything thrown, as the AppError the screens show (an unexpected throw reads as INTERNAL). */
export function asAppError(err: unknown): AppError {
  return isAppError(err) ? err : new AppError('INTERNAL');
}

/**
 * What to tell the user after a failed action. The server's message is already plain Chinese;
 * for input the transport refused before sending, the first field message (e.g. 请填写留言内容)
 * says more than the generic 提交的内容有误.
 */
export function errorText(err: unknown): string {
  if (!isAppError(err)) return '操作没有成功，请稍后再试';
  if (err.code === 'INVALID_INPUT' && Array.isArray(err.details)) {
    const first = err.details[0] as { message?: unknown } | undefined;
    if (first && typeof first.message === 'string' && first.message) return first.message;
  }
  return err.message;
}

export type FieldErrors = Record<string, string>;

/** `details` of INVALID_INPUT: [{ path: 'visit.building', message }] → { building: message } (last segment wins). */
export function fieldErrors(error: AppError | null): FieldErrors {
  const out: FieldErrors = {};
  if (!error || error.code !== 'INVALID_INPUT' || !Array.isArray(error.details)) return out;
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof d.message !== 'string') continue;
    const key = typeof d.path === 'string' && d.path ? d.path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '' : '';
    if (!(key in out)) out[key] = d.message;
  }
  return out;
}
