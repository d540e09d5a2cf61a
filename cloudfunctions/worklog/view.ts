/** Stored records → what the contracts answer. Lists mask names; the detail shows them (audited). */
import type { z } from 'zod';
import type { RecordSummary, recordDetail } from '@shared/contracts/worklog';
import type { WorkRecordDoc } from '@shared/domain/worklog';
import { maskName } from '@shared/privacy/mask';
import { localDateOf } from '@shared/time';
import { iso, isoOrNull } from '../_kit/iso';

function place(building: string | null, room: string | null): string | null {
  const p = [building, room].filter(Boolean).join(' ');
  return p || null;
}

/** Only the author, only inside the edit window, and never a reception the resident already confirmed. */
export function isEditable(doc: WorkRecordDoc, staffId: string, now: Date): boolean {
  if (doc.staffId !== staffId || doc.removedAt) return false;
  if (now.getTime() >= doc.editableUntil.getTime()) return false;
  return !(doc.type === 'reception' && doc.reception.confirmation.status === 'confirmed');
}

export function toSummary(doc: WorkRecordDoc, viewerStaffId: string, now: Date): RecordSummary {
  const base = {
    id: doc._id,
    type: doc.type,
    at: iso(doc.at),
    localDate: localDateOf(doc.at),
    staffId: doc.staffId,
    staffName: doc.staffName,
    editable: isEditable(doc, viewerStaffId, now),
    residentNameMasked: null,
    place: null,
    visitKind: null,
    receptionStatus: null,
  };
  switch (doc.type) {
    case 'visit':
      return { ...base, title: doc.visit.reason, residentNameMasked: maskName(doc.visit.residentName), place: place(doc.visit.building, doc.visit.room), visitKind: doc.visit.kind };
    case 'reception': {
      const r = doc.reception;
      return { ...base, title: r.matter, residentNameMasked: r.residentName ? maskName(r.residentName) : null, place: place(r.building, r.room), receptionStatus: r.confirmation.status };
    }
    case 'meeting':
      return { ...base, title: doc.meeting.topic };
    case 'activity':
      return { ...base, title: doc.activity.title, place: doc.activity.place };
  }
}

export function toDetail(doc: WorkRecordDoc, viewerStaffId: string, now: Date): z.input<typeof recordDetail> {
  const c = doc.type === 'reception' ? doc.reception.confirmation : null;
  return {
    ...toSummary(doc, viewerStaffId, now),
    editableUntil: iso(doc.editableUntil),
    visit: doc.type === 'visit' ? doc.visit : null,
    reception:
      doc.type === 'reception' && c
        ? {
            ...doc.reception,
            confirmation: {
              status: c.status,
              method: c.method,
              confirmedAt: isoOrNull(c.confirmedAt),
              signatureFileId: c.signatureFileId,
              signerName: c.signerName,
              tokenExpiresAt: c.status === 'pending' ? isoOrNull(c.tokenExpiresAt) : null,
            },
          }
        : null,
    meeting: doc.type === 'meeting' ? doc.meeting : null,
    activity: doc.type === 'activity' ? doc.activity : null,
  };
}
