/**
 * One hostile request must never end the local cloud: each gets a coded answer (4xx, or 5xx for
 * our own fault) and the same process then still answers a normal call. The cloud and its
 * gateway run in a child process so that an exit is seen as one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MAX_EVENT_BYTES } from '../../localcloud/functions/event-limits';

jest.setTimeout(120_000);

let child: ChildProcess;
let gateway: string;
let admin: string;

beforeAll(async () => {
  const script = path.join(__dirname, 'fixtures', 'gateway-child.ts');
  child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  // an instance's or the runner's stack overflow is logged to stderr; keep it out of the test output
  child.stderr!.resume();
  ({ gateway, admin } = await new Promise<{ gateway: string; admin: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /GATEWAY (\S+) ADMIN (\S+)/.exec(out);
      if (m) resolve({ gateway: m[1]!, admin: m[2]! });
    });
    child.once('exit', (code) => reject(new Error(`local cloud exited before it listened (${code})`)));
  }));
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

/** `{"action":"me","payload":{},"x":[[[…]]]}` nested `depth` deep, as the adversarial test sent it */
const deepEvent = (depth: number) => `{"action":"me","payload":{},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

const callAuth = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway}/api/functions/auth`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** the process is alive and a normal call through the gateway still answers */
async function stillServes(): Promise<void> {
  expect(child.exitCode).toBeNull();
  const res = await callAuth(JSON.stringify({ action: 'me', payload: {} }));
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ result: { ok: true, data: { signedIn: false } } });
}

async function answer(res: Response): Promise<{ status: number; body: unknown }> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // storage answers XML, as COS does
  }
  return { status: res.status, body };
}

it.each([10_000, 3_000, 101])('refuses an event nested %i deep before dispatch (400), and still serves', async (depth) => {
  const res = await answer(await callAuth(deepEvent(depth)));
  expect(res).toEqual({ status: 400, body: { errCode: 'FUNCTION_PARAM_INVALID', errMsg: expect.stringContaining('nested deeper than 100') } });
  await stillServes();
});

it('dispatches an event exactly at the depth limit', async () => {
  // 100 levels: the event object itself plus 99 arrays; the function sees and ignores `x`
  const res = await callAuth(deepEvent(99));
  expect(res.status).toBe(200);
});

it('refuses a deep event from the SDK path (functions.invokeFunction) too, and still serves', async () => {
  const res = await fetch(`${admin}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'functions.invokeFunction', function_name: 'auth', request_data: deepEvent(10_000) }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ code: 'FUNCTION_PARAM_INVALID' });
  await stillServes();
});

it('answers a call body over the 6 MB event limit with 413 EXCEED_MAX_PAYLOAD_SIZE, and still serves', async () => {
  const big = JSON.stringify({ action: 'me', payload: {}, pad: 'x'.repeat(MAX_EVENT_BYTES) });
  const res = await answer(await callAuth(big));
  expect(res).toEqual({ status: 413, body: { errCode: 'EXCEED_MAX_PAYLOAD_SIZE', errMsg: expect.stringContaining('cloud.callFunction:fail') } });
  await stillServes();
});

it('answers an unsigned storage URL with a malformed escape with 400, and still serves', async () => {
  const res = await answer(await fetch(`${admin}/__storage/object/%E0%A4%A?op=get&expires=1&sig=00`));
  expect(res.status).toBe(400);
  expect(res.body).toEqual(expect.stringContaining('<Code>InvalidURI</Code>'));
  await stillServes();
});

it('answers a malformed escape on the static route with 400, and still serves', async () => {
  const res = await answer(await fetch(`${gateway}/%E0%A4%A`));
  expect(res).toEqual({ status: 400, body: { errCode: 'INVALID_PARAM', errMsg: expect.any(String) } });
  // a malformed cookie is no sign-in, not a failure
  const cookied = await callAuth(JSON.stringify({ action: 'me', payload: {} }), { cookie: 'sqy_dev_persona=%E0%A4%A' });
  expect(cookied.status).toBe(200);
  await stillServes();
});

it('answers an upload over 50 MB with 413, and still serves', async () => {
  const signin = await fetch(`${gateway}/__dev/signin`, { method: 'POST', body: new URLSearchParams({ persona: 'robust' }), redirect: 'manual' });
  const cookie = signin.headers.get('set-cookie')!.split(';')[0]!;
  const res = await answer(await fetch(`${gateway}/api/storage/upload?name=big.bin`, { method: 'POST', headers: { cookie }, body: Buffer.alloc(50 * 1024 * 1024 + 1) }));
  expect(res).toEqual({ status: 413, body: { errCode: 'EXCEED_MAX_PAYLOAD_SIZE', errMsg: expect.stringContaining('52428800 bytes') } });
  await stillServes();
});

it('answers an admin API body over its limit with a coded error, and still serves', async () => {
  const res = await fetch(`${admin}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(16 * 1024 * 1024 + 1, 0x20) });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ code: 'EXCEED_MAX_PAYLOAD_SIZE' });
  await stillServes();
});
