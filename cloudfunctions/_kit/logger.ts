/**
 * Structured logs. Callers pass ids and codes, never personal data (names, phones, ID numbers).
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(base: Record<string, unknown>): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) =>
    console.log(JSON.stringify({ level, msg, ...base, ...fields, at: new Date().toISOString() }));
  return { info: (m, f) => write('info', m, f), error: (m, f) => write('error', m, f) };
}
