/**
 * What CloudBase refuses before an invocation reaches an instance: an event larger than the
 * platform's payload limit, and (our own guard, as the structured clone to an instance recurses
 * per level and a deep enough event overflows the stack of the runner or the instance) one
 * nested deeper than any contract's input can be. Checked in the runner, so every path in
 * (gateway, SDK callFunction, timers) is covered.
 */

/**
 * SCF's limit on a synchronous invocation's request event, which CloudBase answers with
 * EXCEED_MAX_PAYLOAD_SIZE ("cloud function request body: text type 100KB, other types 6MB",
 * https://docs.cloudbase.net/error-code/service/EXCEED_MAX_PAYLOAD_SIZE; a JSON event is not
 * text/plain). wx.cloud.callFunction's 100KB is advice (move larger fields to wx.cloud.CDN), not
 * a refusal, so the gateway that stands in for it enforces this same hard limit.
 */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;
/** Far deeper than any contract's input (a few levels), far shallower than what overflows. */
export const MAX_EVENT_DEPTH = 100;

export const PAYLOAD_TOO_LARGE = 'EXCEED_MAX_PAYLOAD_SIZE';
export const PARAM_INVALID = 'FUNCTION_PARAM_INVALID';

/** Depth of nested arrays and objects, walked without recursion; stops counting past `limit`. */
export function nestingDepth(value: unknown, limit = MAX_EVENT_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v as object)) stack.push([child, here]);
  }
  return deepest;
}

export interface Refusal {
  code: string;
  message: string;
}

/** The error CloudBase would answer for this event, or undefined when it may be dispatched. */
export function eventRefusal(event: unknown, maxBytes: number = MAX_EVENT_BYTES): Refusal | undefined {
  if (nestingDepth(event) > MAX_EVENT_DEPTH) {
    return { code: PARAM_INVALID, message: `event nested deeper than ${MAX_EVENT_DEPTH} levels` };
  }
  // safe to serialise now: the depth is bounded
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(event ?? null) ?? 'null');
  } catch (e) {
    return { code: PARAM_INVALID, message: `event is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (size > maxBytes) return { code: PAYLOAD_TOO_LARGE, message: `event of ${size} bytes exceeds the ${maxBytes}-byte limit` };
  return undefined;
}
