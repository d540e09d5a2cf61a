/**
 * The configuration every function instance gets locally, the counterpart of the variables set
 * in the CloudBase console in production: keys for personal data, the content-check mode, the
 * WeCom API's address (the local fake). Keys are random per data folder (kept in keys.json next
 * to the database, never committed) or per test run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { FakeWecom } from './wecom-fake';

const keysFile = z.object({ PII_HASH_KEY: z.string().min(43), PII_ENC_KEY: z.string().min(43) });
type Keys = z.infer<typeof keysFile>;

export function freshKeys(): Keys {
  return { PII_HASH_KEY: crypto.randomBytes(32).toString('base64'), PII_ENC_KEY: crypto.randomBytes(32).toString('base64') };
}

/** Keys that survive restarts of `npm start`, so hashes and ciphertexts in the data stay readable. */
export function persistentKeys(file: string): Keys {
  if (fs.existsSync(file)) return keysFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const keys = freshKeys();
  fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

export function localFunctionEnv(keys: Keys, wecom?: FakeWecom): Record<string, string> {
  return { ...keys, CONTENT_CHECK_MODE: 'wordlist', ...(wecom ? wecom.env() : {}) };
}
