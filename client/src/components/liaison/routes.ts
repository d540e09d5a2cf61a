/** Liaison page paths in one place. */
import type { ScopeLevel } from '@shared/domain/metrics';

const ROOT = '/packages/liaison/pages';
const q = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');

export const LIAISON_ROUTES = {
  home: `${ROOT}/index/index`,
  /** a district or street; `from` asks for the window starting that day */
  scope: (level: ScopeLevel, id: string, from?: string) => `${ROOT}/scope/index?${q({ level, id, from })}`,
  indicator: (snapshotId: string, path: string) => `${ROOT}/indicator/index?${q({ snapshot: snapshotId, path })}`,
  committee: (snapshotId: string, committeeId: string) => `${ROOT}/committee/index?${q({ snapshot: snapshotId, committee: committeeId })}`,
  assess: (districtId: string, path: string, snapshotId: string) => `${ROOT}/assess/index?${q({ district: districtId, path, snapshot: snapshotId })}`,
} as const;
