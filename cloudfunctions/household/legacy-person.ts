/**
 * Persons imported before issue 17 hold `gender`, `birthDate` and a mask keeping the first three
 * characters (310***********1234), which together narrowed the ID number to a few candidates.
 * An import brings every person it touches to the current shape (`legacyRewrite` in
 * import-apply.ts) and, once finished, sweeps the committee's other persons (those who moved out
 * earlier), so the first import after the upgrade leaves no old-shape person in the committee.
 * Nothing reads the old fields, so until then the old documents are tolerated as they are.
 */
import type { PersonDoc } from '@shared/domain/household';
import { maskIdNumber } from '@shared/privacy/mask';
import type { Database } from '../_kit/cloud';
import { collection } from '../_kit/store';

const DROPPED = ['gender', 'birthDate'] as const;

/** Does the stored document still hold the old shape? */
export function isLegacyPerson(p: PersonDoc): boolean {
  return DROPPED.some((k) => k in p) || (p.idMasked !== null && p.idMasked !== maskIdNumber(p.idMasked));
}

/** The update that brings one stored person to the current shape; empty for a current one. */
export function legacyRewrite(db: Database, p: PersonDoc): Record<string, unknown> {
  if (!isLegacyPerson(p)) return {};
  const _ = db.command;
  // the new mask is the old mask's last four characters: no plain number is needed to rewrite it
  return { gender: _.remove(), birthDate: _.remove(), idMasked: p.idMasked === null ? null : maskIdNumber(p.idMasked) };
}

/** Rewrites the committee's persons still in the old shape (after an import; usually none). */
export async function sweepLegacyPersons(db: Database, committeeId: string): Promise<number> {
  const _ = db.command;
  const persons = collection(db, 'persons');
  const legacy = await persons.all((c) =>
    c
      .where(_.or([{ committeeId, gender: _.exists(true) }, { committeeId, birthDate: _.exists(true) }, { committeeId, idMasked: db.RegExp({ regexp: '^[^*]' }) }]))
      .orderBy('_id', 'asc'),
  );
  for (const p of legacy) await persons.ref.doc(p._id).update(legacyRewrite(db, p));
  return legacy.length;
}
