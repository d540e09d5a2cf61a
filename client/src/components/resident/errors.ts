import { isAppError } from '@shared/errors';

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
