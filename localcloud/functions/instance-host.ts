/**
 * One function instance: a process that loads one bundle and runs one invocation at a time,
 * as an SCF instance does. The runner never sends a second invocation before the first replies.
 */
import type { InstanceReply, InvokeMessage } from './protocol';

const bundle = process.argv[2];
if (!bundle || !process.send) throw new Error('instance-host: run by the function runner with a bundle path');

const send = (m: InstanceReply) => process.send!(m);

let main: ((event: unknown, context: unknown) => unknown) | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(bundle) as { main?: unknown };
  if (typeof mod.main !== 'function') throw new Error(`${bundle} does not export main`);
  main = mod.main as typeof main;
  send({ type: 'ready' });
} catch (e) {
  send({ type: 'load-error', message: e instanceof Error ? e.message : String(e) });
}

/** Runs one invocation and replies with its result or its error; it never rejects. */
async function invoke(msg: InvokeMessage): Promise<void> {
  if (msg.type !== 'invoke' || !main) return;
  const previous: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(msg.env)) {
    previous[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    const result = await main(msg.event, msg.context);
    send({ type: 'result', id: msg.id, result: result === undefined ? null : result });
  } catch (e) {
    send({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

process.on('message', (msg: InvokeMessage) => void invoke(msg));
