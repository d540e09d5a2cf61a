/**
 * The one declaration of every collection and its indexes. The local cloud creates SQLite
 * expression indexes from it; `npm run deploy` creates the same collections and indexes in
 * CloudBase. A collection missing here does not exist (the local cloud answers like CloudBase
 * does for a missing collection).
 *
 * Edit by adding entries; keep each domain's collections together under its comment.
 */
import { z } from 'zod';

const indexSpec = z.object({
  /** index name, unique within the collection */
  name: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
  /** dotted field paths in order, 1 ascending, -1 descending */
  keys: z.array(z.tuple([z.string().regex(/^[A-Za-z_][\w.]*$/), z.union([z.literal(1), z.literal(-1)])])).min(1),
  unique: z.boolean().optional(),
});

const collectionSpec = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  description: z.string().min(1),
  indexes: z.array(indexSpec),
});

export const databaseSchema = z.array(collectionSpec).superRefine((cols, ctx) => {
  const seen = new Set<string>();
  for (const c of cols) {
    if (seen.has(c.name)) ctx.addIssue({ code: 'custom', message: `duplicate collection ${c.name}` });
    seen.add(c.name);
  }
});

export type IndexSpec = z.infer<typeof indexSpec>;
export type CollectionSpec = z.infer<typeof collectionSpec>;
export type DatabaseSchema = z.infer<typeof databaseSchema>;

const declared: DatabaseSchema = [
  // ── regions ──────────────────────────────────────────────────────────────
  { name: 'districts', description: '区', indexes: [{ name: 'code', keys: [['code', 1]], unique: true }] },
  { name: 'streets', description: '街镇', indexes: [{ name: 'district', keys: [['districtId', 1], ['code', 1]] }] },
  {
    name: 'committees',
    description: '居村委 (urban 居委会 / rural 村委会)',
    indexes: [
      { name: 'street', keys: [['streetId', 1], ['code', 1]] },
      { name: 'district', keys: [['districtId', 1], ['code', 1]] },
    ],
  },
  // ── people and identity ─────────────────────────────────────────────────
  {
    name: 'users',
    description: 'WeChat users of the mini-program, one per OPENID: consent, claimed household',
    indexes: [{ name: 'openid', keys: [['openid', 1]], unique: true }],
  },
  {
    name: 'staff',
    description: 'committee staff, secretaries, liaisons and administrators (role and scope are read here, never from the client)',
    indexes: [
      { name: 'wecom', keys: [['corpId', 1], ['userId', 1]], unique: true },
      { name: 'openid', keys: [['openid', 1]] },
      { name: 'committee', keys: [['committeeId', 1]] },
    ],
  },
  // ── household: population register and sign-up (issue: resident platform) ──
  // ── content: 党建园地, 议事厅, 社区公告 (issue: resident platform) ──────────
  // ── inbox: resident questions (issues: resident and staff platform) ────────
  // ── worklog and roster (issue: staff platform) ─────────────────────────────
  // ── points card (issue: staff platform) ────────────────────────────────────
  // ── metrics snapshots and assessor entries (issue: acceptance metrics) ─────
  // ── platform plumbing ───────────────────────────────────────────────────
  {
    name: 'idempotency',
    description: 'results of writes keyed by the client requestId, so a retried request takes effect once',
    indexes: [{ name: 'key', keys: [['key', 1]], unique: true }],
  },
  {
    name: 'audit_log',
    description: 'append-only: staff reads of personal data, refused changes, sign-offs',
    indexes: [
      { name: 'actor', keys: [['actorId', 1], ['at', -1]] },
      { name: 'subject', keys: [['subjectType', 1], ['subjectId', 1], ['at', -1]] },
    ],
  },
];

export const DATABASE: DatabaseSchema = databaseSchema.parse(declared);
export const COLLECTION_NAMES = DATABASE.map((c) => c.name);
