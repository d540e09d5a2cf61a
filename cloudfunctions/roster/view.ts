import type { ShiftOut } from '@shared/contracts/roster';
import type { ShiftDoc } from '@shared/domain/roster';
import { iso, isoOrNull } from '../_kit/iso';

export function toShift(d: ShiftDoc): ShiftOut {
  return { id: d._id, date: d.date, start: d.start, end: d.end, startAt: iso(d.startAt), endAt: iso(d.endAt), kind: d.kind, staffId: d.staffId, staffName: d.staffName, note: d.note, signedInAt: isoOrNull(d.signedInAt), attended: d.attended };
}
