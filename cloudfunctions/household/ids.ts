/**
 * Deterministic ids. A household's id follows from committee + 户编号, so a re-import finds it
 * and two imports cannot create it twice; a new person's id follows from household, job and the
 * person's key, so a batch applied twice (a retried call) writes the same documents.
 */
import { createHash } from 'node:crypto';

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 32);

export const householdDocId = (committeeId: string, householdId: string) => `hh_${digest('household', committeeId, householdId)}`;

export const personDocId = (householdDocId: string, jobId: string, key: string) => `p_${digest('person', householdDocId, jobId, key)}`;

/** Import jobs of a committee are numbered: two imports started at once collide on the id. */
export const jobDocId = (committeeId: string, seq: number) => `imp_${committeeId}_${seq}`;

export const chunkDocId = (jobId: string, index: number) => `${jobId}_${index}`;

/** Ids of records derived from a secret (code, invitation token): the secret itself is never stored. */
export const secretDocId = (kind: string, secret: string) => `${kind}_${createHash('sha256').update(`${kind}\u001f${secret}`).digest('hex').slice(0, 40)}`;
