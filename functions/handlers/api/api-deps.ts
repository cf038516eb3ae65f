import type { Catalog } from '../../core/catalog/schema.ts';
import type { NotificationLog } from '../../core/ports/notification-log.ts';
import type { SnapshotObjects } from '../../core/ports/snapshot-objects.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import type { UploadSigner } from '../../core/ports/upload-signer.ts';

/** What the dashboard API reads and signs with; tests pass dynalite- or mock-backed ones. */
export interface ApiDeps {
  store: StateStore;
  log: NotificationLog;
  uploads: UploadSigner;
  /** the snapshot bucket, for the validation reports of rejected uploads */
  objects: SnapshotObjects;
  catalog: Catalog;
  /** the clock: the as-of of live figures (the appendices) and, before any run, of deadlines */
  now: () => number;
}
