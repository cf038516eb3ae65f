import type { NotificationLog } from '../../core/ports/notification-log.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import type { UploadSigner } from '../../core/ports/upload-signer.ts';

/** What the dashboard API reads and signs with; tests pass dynalite- or mock-backed ones. */
export interface ApiDeps {
  store: StateStore;
  log: NotificationLog;
  uploads: UploadSigner;
}
