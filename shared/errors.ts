/**
 * Stable error codes and the Chinese messages shown to users. A code never changes meaning;
 * clients switch on `code`, people read `message`.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '提交的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNKNOWN_ACTION: '不支持的操作',
  TIMEOUT: '服务响应超时，请稍后再试',
  NETWORK: '网络连接失败，请检查网络后重试',
  INTERNAL: '服务暂时不可用，请稍后再试',
} as const;

export type BaseErrorCode = keyof typeof ERROR_MESSAGES;

/** An error a user can cause or see. Domain modules may use their own codes (UPPER_SNAKE). */
export class AppError extends Error {
  readonly code: string;
  readonly details?: unknown;
  constructor(code: string, message?: string, details?: unknown) {
    super(message ?? (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** Every function answers with this envelope; it is never thrown across the wire. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AppError');
}
