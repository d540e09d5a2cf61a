/**
 * The wire format: the SDK sends queries, updates and documents as canonical Extended JSON
 * strings (bson's EJSON with relaxed: false) plus CloudBase's own `$tcb_server_date`; replies
 * carry documents as canonical EJSON strings that the SDK parses with EJSON.parse.
 *
 * Decoding is our own JSON.parse reviver rather than EJSON.parse because the SDK writes a
 * RegExp's JavaScript flags as BSON options verbatim (`g`, `y`), which bson's parser rejects,
 * and because `$tcb_server_date` must become the server's clock.
 *
 * Numbers: the SDK encodes an integral JS number in int32 range as $numberInt, a larger one as
 * $numberLong and anything else as $numberDouble, and decodes all three back to JS numbers.
 * We decode them to JS numbers too and re-encode with the same rule, so a value keeps its BSON
 * type through a round trip; a $numberDouble with an integral value (which the SDK never sends)
 * comes back as an int, as it would from any JS client.
 */
import { EJSON, ObjectId } from 'bson';
import { invalidParam, unsupported } from './errors';

const JS_REGEXP_FLAGS = new Set(['i', 'm', 's', 'u']);

/** Keep the flags MongoDB understands; `g`/`y` would make RegExp.test stateful. */
export function toRegExp(pattern: string, options: string): RegExp {
  const flags = [...new Set(options.split(''))].filter((f) => JS_REGEXP_FLAGS.has(f)).join('');
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw invalidParam(`invalid regular expression /${pattern}/: ${(e as Error).message}`);
  }
}

function decodeNumber(text: unknown): number {
  if (typeof text !== 'string') throw invalidParam('malformed EJSON number');
  if (text === '-0.0') return -0;
  const n = Number(text);
  if (Number.isNaN(n) && text !== 'NaN') throw invalidParam(`malformed EJSON number ${text}`);
  return n;
}

/** Decodes one EJSON string; `now` is the request's server time for `$tcb_server_date`. */
export function decodeEJSON(text: string, now: number): unknown {
  try {
    return JSON.parse(text, function reviver(_key, value: unknown) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const keys = Object.keys(value);
      if (keys.length === 0 || !keys[0]!.startsWith('$')) return value;
      const v = value as Record<string, unknown>;
      if (keys.length === 1) {
        switch (keys[0]) {
          case '$numberInt':
          case '$numberLong':
          case '$numberDouble':
            return decodeNumber(v[keys[0]]);
          case '$date': {
            const d = v.$date;
            const ms = typeof d === 'number' ? d : typeof d === 'string' ? Date.parse(d) : NaN;
            if (Number.isNaN(ms)) throw invalidParam('malformed $date');
            return new Date(ms);
          }
          case '$regularExpression': {
            const r = v.$regularExpression as { pattern?: unknown; options?: unknown };
            return toRegExp(String(r.pattern ?? ''), String(r.options ?? ''));
          }
          case '$tcb_server_date': {
            const offset = (v.$tcb_server_date as { offset?: unknown } | null)?.offset;
            return new Date(now + (typeof offset === 'number' ? offset : 0));
          }
          case '$oid':
            return new ObjectId(String(v.$oid));
          case '$numberDecimal':
          case '$binary':
            throw unsupported(`${keys[0]} values`);
        }
      }
      return value;
    });
  } catch (e) {
    if (e instanceof SyntaxError) throw invalidParam(`malformed JSON: ${e.message}`);
    throw e;
  }
}

/** Canonical EJSON, the form CloudBase replies in. */
export function encodeEJSON(value: unknown): string {
  return EJSON.stringify(value as Record<string, unknown>, { relaxed: false });
}
