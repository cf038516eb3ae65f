/** Where objects live in the snapshot bucket (snapshot-format.md: `snapshots/<entity>/…`). */
export const SNAPSHOTS_PREFIX = 'snapshots/';
/** Rejected uploads, kept whole, under the same path as they were uploaded. */
export const QUARANTINE_PREFIX = 'quarantine/';
/** The validation report of each rejected upload, as JSON. */
export const REPORTS_PREFIX = 'reports/';

function pathAfterSnapshots(key: string): string {
  return key.startsWith(SNAPSHOTS_PREFIX) ? key.slice(SNAPSHOTS_PREFIX.length) : key;
}

export function quarantineKeyFor(key: string): string {
  return `${QUARANTINE_PREFIX}${pathAfterSnapshots(key)}`;
}

export function reportKeyFor(key: string, version: string): string {
  return `${REPORTS_PREFIX}${pathAfterSnapshots(key)}.${version}.json`;
}
