/**
 * Typed reads over the genuine SDK: every collection by the name `config/database.ts` declares,
 * with the document type it holds. Handlers read through `collection(db, name)` (by id, in a
 * committee, one page, everything) and write through its `ref`; nothing outside this file casts
 * what the SDK answers.
 */
import type { StoredAuditEntry } from './audit';
import type { ClaimAttemptDoc, ClaimCodeDoc, CheckRequestDoc, HouseholdDoc, ImportChunkDoc, ImportJobDoc, InviteDoc, MembershipDoc, PersonDoc } from '@shared/domain/household';
import type { CommentDoc, NoticeDoc, NoticeGroupDoc, NoticeReadDoc, NoticeShareDoc, NoticeShareReadDoc, OutcomeDoc, PartyMemberDoc, PartyPostDoc, TopicDoc, TopicVoteDoc } from '@shared/domain/content';
import type { QuestionDoc } from '@shared/domain/inbox';
import type { AssessmentDoc, ExclusionDoc, SnapshotDoc } from '@shared/domain/metrics';
import type { StaffDoc, UserDoc } from '@shared/domain/people';
import type { PointsCardDoc, PointsCorrectionDoc, PointsDecisionDoc, PointsEntryDoc } from '@shared/domain/points';
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '@shared/domain/regions';
import type { ShiftDoc } from '@shared/domain/roster';
import type { WorkOrderDoc, WorkRecordDoc } from '@shared/domain/worklog';
import type { PageRequest } from '@shared/contracts/common';
import { AppError } from '@shared/errors';
import type { Database } from './cloud';

/** A stored result of an idempotent write (`_kit/idempotent.ts`). */
export interface IdempotencyDoc {
  _id: string;
  key: string;
  [field: string]: unknown;
}

const holds = <T>() => undefined as unknown as T;

/**
 * Every collection and the document it holds. A test compares these names with
 * `config/database.ts`, so a collection exists here exactly when it is declared there.
 */
export const COLLECTIONS = {
  districts: holds<DistrictDoc>(),
  streets: holds<StreetDoc>(),
  committees: holds<CommitteeDoc>(),
  users: holds<UserDoc>(),
  staff: holds<StaffDoc>(),
  households: holds<HouseholdDoc>(),
  persons: holds<PersonDoc>(),
  household_members: holds<MembershipDoc>(),
  household_import_jobs: holds<ImportJobDoc>(),
  household_import_chunks: holds<ImportChunkDoc>(),
  household_codes: holds<ClaimCodeDoc>(),
  household_invites: holds<InviteDoc>(),
  household_claim_attempts: holds<ClaimAttemptDoc>(),
  household_checks: holds<CheckRequestDoc>(),
  party_posts: holds<PartyPostDoc>(),
  party_likes: holds<PartyMemberDoc>(),
  party_signups: holds<PartyMemberDoc>(),
  topics: holds<TopicDoc>(),
  topic_votes: holds<TopicVoteDoc>(),
  topic_outcomes: holds<OutcomeDoc>(),
  notices: holds<NoticeDoc>(),
  notice_reads: holds<NoticeReadDoc>(),
  notice_shares: holds<NoticeShareDoc>(),
  notice_share_reads: holds<NoticeShareReadDoc>(),
  notice_groups: holds<NoticeGroupDoc>(),
  content_comments: holds<CommentDoc>(),
  inbox_questions: holds<QuestionDoc>(),
  worklog_records: holds<WorkRecordDoc>(),
  worklog_orders: holds<WorkOrderDoc>(),
  roster_shifts: holds<ShiftDoc>(),
  points_entries: holds<PointsEntryDoc>(),
  points_decisions: holds<PointsDecisionDoc>(),
  points_cards: holds<PointsCardDoc>(),
  points_corrections: holds<PointsCorrectionDoc>(),
  metrics_snapshots: holds<SnapshotDoc>(),
  metrics_exclusions: holds<ExclusionDoc>(),
  metrics_assessments: holds<AssessmentDoc>(),
  idempotency: holds<IdempotencyDoc>(),
  audit_log: holds<StoredAuditEntry>(),
};

export type CollectionName = keyof typeof COLLECTIONS;
export type DocOf<N extends CollectionName> = (typeof COLLECTIONS)[N];

type CollectionRef = ReturnType<Database['collection']>;
/** A query the SDK can run: a collection, or one narrowed by where / orderBy / field. */
export type Query = Pick<CollectionRef, 'skip' | 'limit' | 'get'>;
export type Sortable = ReturnType<CollectionRef['where']>;

/** One page of a list, in the shape every list contract answers (`pageOf`). */
export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

/** The SDK's largest read. */
export const BATCH = 1000;
/** A committee's month is at most a few thousand documents; beyond this something is wrong. */
const MAX_ROWS = 50_000;

const rowsOf = <T>(res: { data: unknown }): T[] => (res.data as T[] | undefined) ?? [];

/** What the SDK answers for a document read: an array outside a transaction, the document (or null) inside one. */
export function docOf<T>(res: unknown): T | null {
  const data = (res as { data?: unknown }).data;
  return ((Array.isArray(data) ? data[0] : data) as T | undefined) ?? null;
}

/** One explicit page (never the SDK default of 100); one extra row says whether another exists. */
export async function readPage<T>(query: Query, page: PageRequest): Promise<Page<T>> {
  const rows = rowsOf<T>(await query.skip(page.offset).limit(page.limit + 1).get());
  return { items: rows.slice(0, page.limit), nextOffset: rows.length > page.limit ? page.offset + page.limit : null };
}

/** Every row of an ordered query, in batches of 1000. */
export async function readAll<T>(query: Query, maxRows = MAX_ROWS): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const batch = rowsOf<T>(await query.skip(rows.length).limit(BATCH).get());
    rows.push(...batch);
    if (batch.length < BATCH) return rows;
    if (rows.length >= maxRows) throw new Error(`readAll exceeded ${maxRows} rows`);
  }
}

/** The rows of one explicit read of at most `limit` rows. */
export async function readSome<T>(query: Query, limit: number): Promise<T[]> {
  return rowsOf<T>(await query.limit(Math.min(limit, BATCH)).get());
}

export interface Handle<T> {
  readonly name: CollectionName;
  /** the SDK collection, for writes and for building queries */
  readonly ref: CollectionRef;
  /** the document, or null */
  byId(id: string): Promise<T | null>;
  /** the document when it belongs to `scope`'s committee; NOT_FOUND otherwise (ids never reveal another committee's records) */
  byIdIn(id: string, scope: { committeeId: string }, notFound?: string): Promise<T>;
  /** documents with these ids (any order; missing ones are left out) */
  byIds(ids: readonly string[]): Promise<T[]>;
  /** the first document matching `where` */
  first(where: object): Promise<T | null>;
  /** at most `limit` documents (≤ 1000) of `build(ref)` */
  some(build: (ref: CollectionRef) => Query, limit: number): Promise<T[]>;
  /** one page of `build(ref)`, which must end its sort with a unique key (`_id`) */
  page(build: (ref: CollectionRef) => Query, page: PageRequest): Promise<Page<T>>;
  /** every document of `build(ref)`, which must be ordered */
  all(build: (ref: CollectionRef) => Query, maxRows?: number): Promise<T[]>;
  count(where: object): Promise<number>;
}

export function collection<N extends CollectionName>(db: Database, name: N): Handle<DocOf<N>> {
  type T = DocOf<N>;
  const ref = db.collection(name);
  return {
    name,
    ref,
    byId: async (id) => docOf<T>(await ref.doc(id).get()),
    byIdIn: async (id, scope, notFound) => {
      const doc = docOf<T & { committeeId?: unknown }>(await ref.doc(id).get());
      if (!doc || doc.committeeId !== scope.committeeId) throw new AppError('NOT_FOUND', notFound);
      return doc;
    },
    byIds: async (ids) => {
      const unique = [...new Set(ids)];
      const out: T[] = [];
      for (let i = 0; i < unique.length; i += BATCH) {
        const chunk = unique.slice(i, i + BATCH);
        out.push(...rowsOf<T>(await ref.where({ _id: db.command.in(chunk) }).limit(chunk.length).get()));
      }
      return out;
    },
    first: async (where) => rowsOf<T>(await ref.where(where).limit(1).get())[0] ?? null,
    some: (build, limit) => readSome<T>(build(ref), limit),
    page: (build, page) => readPage<T>(build(ref), page),
    all: (build, maxRows) => readAll<T>(build(ref), maxRows),
    count: async (where) => Number(((await ref.where(where).count()) as { total?: unknown }).total ?? 0),
  };
}

/** What a document read needs of a transaction (`_kit/transaction.ts`). */
export interface TxReader {
  collection(name: string): { doc(id: string): { get(): Promise<unknown> } };
}

/** One document read inside a transaction (null when absent). */
export async function txGet<N extends CollectionName>(tx: TxReader, name: N, id: string): Promise<DocOf<N> | null> {
  return docOf<DocOf<N>>(await tx.collection(name).doc(id).get());
}

/** Rows of an aggregate (which must end with an explicit `$limit`). */
export async function aggregateRows<T>(pipeline: { end(): Promise<unknown> }): Promise<T[]> {
  return ((await pipeline.end()) as { data?: T[] }).data ?? [];
}
