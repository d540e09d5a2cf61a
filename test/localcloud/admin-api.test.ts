/** Admin-API plumbing through the genuine SDK: callFunction delegation, environment and errors. */
import fs from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startAdminApi, sdkConfigFor, type AdminApi, type FunctionInvoker } from '../../localcloud/admin-api';
import { tempDataFile } from './target';

const schema = [{ name: 'notes', description: 'x', indexes: [] }];
const apis: AdminApi[] = [];
async function start(functions?: FunctionInvoker): Promise<AdminApi> {
  const api = await startAdminApi({ dataFile: tempDataFile('api'), schema, functions });
  apis.push(api);
  process.env.TENCENTCLOUD = sdkConfigFor(api).env.TENCENTCLOUD;
  return api;
}
afterAll(async () => {
  for (const api of apis) {
    await api.close();
    fs.rmSync(path.dirname(api.store.db.name), { recursive: true, force: true });
  }
});

test('callFunction reaches the invoker with the event and returns its result', async () => {
  const calls: Array<[string, unknown]> = [];
  const api = await start({
    invoke: async (name, event) => {
      calls.push([name, event]);
      return { echoed: event, at: 'local' };
    },
  });
  const app = tcb.init(sdkConfigFor(api).init);
  const res = await app.callFunction({ name: 'household', data: { action: 'list', page: 2 } });
  expect(res.result).toEqual({ echoed: { action: 'list', page: 2 }, at: 'local' });
  expect(calls).toEqual([['household', { action: 'list', page: 2 }]]);
});

test("an invoker's coded error reaches the caller with its code", async () => {
  const api = await start({
    invoke: async () => {
      throw Object.assign(new Error('took too long'), { code: 'FUNCTION_TIME_LIMIT_EXCEEDED' });
    },
  });
  const app = tcb.init(sdkConfigFor(api).init);
  await expect(app.callFunction({ name: 'slow', data: {} })).rejects.toMatchObject({ code: 'FUNCTION_TIME_LIMIT_EXCEEDED', message: 'took too long' });
});

test('without a function runner every function is missing', async () => {
  const api = await start();
  const app = tcb.init(sdkConfigFor(api).init);
  await expect(app.callFunction({ name: 'auth', data: {} })).rejects.toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
});

test('the SDK can be pointed by environment alone (TCB_CONTEXT_CNFG, SYMBOL_CURRENT_ENV)', async () => {
  const api = await start();
  const saved = { ...process.env };
  Object.assign(process.env, sdkConfigFor(api).env);
  try {
    const db = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
    await db.collection('notes').add({ via: 'env' });
    expect((await db.collection('notes').where({ via: 'env' }).count()).total).toBe(1);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
});

test('a request for another environment is refused', async () => {
  const api = await start();
  const db = tcb.init({ ...sdkConfigFor(api).init, env: 'someone-else' }).database();
  await expect(db.collection('notes').get()).rejects.toMatchObject({ code: 'INVALID_ENV' });
});

test('createCollection adds a collection that then exists (and persists); a second time it already exists', async () => {
  const api = await start();
  const db = tcb.init(sdkConfigFor(api).init).database();
  await expect(db.collection('drafts').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  await db.createCollection('drafts');
  await db.collection('drafts').add({ a: 1 });
  expect((await db.collection('drafts').count()).total).toBe(1);
  await expect(db.createCollection('drafts')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
});

test('geo queries answer a clear error', async () => {
  const api = await start();
  const db = tcb.init(sdkConfigFor(api).init).database();
  const _ = db.command;
  await expect(
    db.collection('notes').where({ loc: _.geoNear({ geometry: new db.Geo.Point(121.4, 31.2), maxDistance: 100 }) }).get(),
  ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/geo operator .* not supported/) });
});
