import { renderRejection } from '../notify/templates/rejection-email.ts';
import type { OutboundEmail } from '../outbox/outbound-email.ts';
import type { StateStore } from '../ports/state-store.ts';
import { vnDate } from '../time.ts';
import type { IngestOutcome } from './ingest-snapshot.ts';

type Rejected = Extract<IngestOutcome, { outcome: 'rejected' }>;

/** The log's requirement slot for upload notices: they answer an upload, not a dispatch. */
export const UPLOAD_REQUIREMENT = 'upload';

/**
 * The email that tells the uploader's unit its file was rejected: to its officer, its head in
 * copy. An upload without a known unit, or a unit without addresses, goes to the department
 * so that no rejection passes unseen. Undefined when nobody at all has an address.
 */
export async function rejectionNotice(store: StateStore, department: string, outcome: Rejected, now: number): Promise<OutboundEmail | undefined> {
  const uploader = outcome.uploader === undefined ? undefined : await store.getUnit(outcome.uploader);
  const addressed = uploader?.officerEmail ?? uploader?.headEmail ? uploader : await store.getUnit(department);
  const to = addressed?.officerEmail ?? addressed?.headEmail;
  if (addressed === undefined || to === undefined) return undefined;
  const cc = addressed.headEmail !== undefined && addressed.headEmail !== to ? [addressed.headEmail] : [];
  const stage = `rejected-${outcome.version}`;
  const rendered = renderRejection({ unitName: uploader?.unitName ?? outcome.uploader ?? 'đơn vị', key: outcome.key, report: outcome.report, reportKey: outcome.reportKey });
  return {
    kind: 'rejection',
    stage,
    unit: addressed.unitCode,
    requirement: UPLOAD_REQUIREMENT,
    day: vnDate(now),
    to: [to],
    cc,
    ...rendered,
    units: [addressed.unitCode],
  };
}
