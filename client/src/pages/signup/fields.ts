/** Field-level messages from a contract's input schema, so each shows under its own field. */
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(schema: z.ZodType, input: unknown): FieldErrors | null {
  const r = schema.safeParse(input);
  if (r.success) return null;
  const out: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}
