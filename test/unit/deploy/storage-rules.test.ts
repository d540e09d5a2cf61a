/**
 * Storage ownership: the path names a file's owner (shared/files.ts), the client rule that
 * `npm run deploy` sets and the H5 gateway applies (config/storage-rules.ts), and the wider rule
 * functions check (staff of the file's committee too).
 */
import { clientMay, STORAGE_RULES } from '../../../config/storage-rules';
import { cloudPathOfFileId, fileOwnerOf, mayReadUpload, uploadDir, uploadPath } from '../../../shared/files';
import { storageRulesPlan } from '../../../scripts/deploy';

const at = new Date('2026-12-07T17:00:00Z'); // 2026-12-08 in Shanghai

it('writes the owner into the path and reads it back; other paths have no owner', () => {
  const staffDir = uploadDir({ openid: 'o-1', committeeId: 'committee-1' })!;
  expect(uploadPath(staffDir, '名册.csv', 'ab', at)).toBe('committees/committee-1/o-1/2026-12/ab-名册.csv');
  expect(fileOwnerOf(uploadPath(staffDir, '名册.csv', 'ab', at))).toEqual({ openid: 'o-1', committeeId: 'committee-1' });
  expect(fileOwnerOf(uploadPath(uploadDir({ openid: 'o-2', committeeId: null })!, 'a.png', 'cd', at))).toEqual({ openid: 'o-2', committeeId: null });
  for (const p of ['registers/a.csv', 'metrics-exports/d/x.xlsx', 'uploads/2026-12/ab-a.png', 'uploads/o-1/2026-12/x/y.png', 'committees/c/o/2026-12']) expect(fileOwnerOf(p)).toBeNull();
  expect(uploadDir({ openid: '../x', committeeId: null })).toBeNull();
  expect(cloudPathOfFileId('cloud://env.bucket/uploads/o-1/2026-12/a.png')).toBe('uploads/o-1/2026-12/a.png');
  expect(cloudPathOfFileId('cloud://env.bucket/uploads/../x')).toBeNull();
  expect(cloudPathOfFileId('https://x/uploads/o-1/a')).toBeNull();
});

it('lets a function read for the uploader and the staff of the file’s committee only', () => {
  const committeeFile = { openid: 'o-1', committeeId: 'committee-1' };
  expect(mayReadUpload(committeeFile, { openid: 'o-1', staffOf: null })).toBe(true);
  expect(mayReadUpload(committeeFile, { openid: 'o-3', staffOf: 'committee-1' })).toBe(true);
  expect(mayReadUpload(committeeFile, { openid: 'o-4', staffOf: 'committee-2' })).toBe(false);
  expect(mayReadUpload(committeeFile, { openid: '', staffOf: 'committee-1' })).toBe(false);
  expect(mayReadUpload({ openid: 'o-5', committeeId: null }, { openid: 'o-3', staffOf: 'committee-1' })).toBe(false);
});

it('deploys creator-only client rules, which the gateway applies the same way', () => {
  expect(storageRulesPlan()).toEqual({ AclTag: 'CUSTOM', Rule: JSON.stringify(STORAGE_RULES) });
  expect(JSON.parse(storageRulesPlan().Rule)).toEqual({ read: 'auth != null && resource.openid == auth.openid', write: 'auth != null && resource.openid == auth.openid' });
  expect(clientMay('o-1', 'o-1')).toBe(true);
  expect(clientMay('', 'o-1')).toBe(false);
  expect(clientMay('o-2', 'o-1')).toBe(false);
  expect(clientMay('o-1', null)).toBe(false);
});
