import type { Catalog } from '../catalog/schema.ts';
import { DondocError } from '../errors.ts';
import { summariseSnapshot, type SnapshotSummary } from '../ingest/summarise-snapshot.ts';
import type { SnapshotObject, SnapshotObjects } from '../ports/snapshot-objects.ts';
import type { StateStore, StatusChange } from '../ports/state-store.ts';
import type { EntityKind } from '../snapshot/entities.ts';
import { unopenableReport, unreadableAsOfReport } from '../snapshot/unopenable-report.ts';
import type { ValidationReport } from '../snapshot/validation-report.ts';
import { boundedMap } from '../concurrency/bounded-map.ts';
import { requirementsReading } from '../evaluation/entities-read.ts';
import { STORE_CONCURRENCY } from './evaluate-stored.ts';
import { reevaluateUnits } from './reevaluate-units.ts';

export interface IngestDeps {
  store: StateStore;
  objects: SnapshotObjects;
  catalog: Catalog;
  /** the processing time */
  now: () => number;
  /**
   * the instant an upload is evaluated at: the processing time (default, as on AWS), or the
   * snapshot's own as-of where uploads carry the instant of a played clock (the local stack's
   * time travel), so that an upload dated 23/6/2023 is judged as of then, not years later
   */
  evaluateAt?: 'processing' | 'as_of';
}

export interface ObjectRef {
  key: string;
  version?: string;
}

export type IngestOutcome =
  | { outcome: 'gone'; key: string }
  | {
      outcome: 'rejected';
      key: string;
      version: string;
      entity?: EntityKind;
      report: ValidationReport;
      quarantineKey: string;
      reportKey: string;
      /** false when this object version was already rejected once (a redelivery) */
      firstTime: boolean;
      uploader?: string;
    }
  | {
      outcome: 'applied';
      key: string;
      version: string;
      entity: EntityKind;
      rows: number;
      applied: number;
      stale: number;
      evaluated: string[];
      changes: StatusChange[];
      firstTime: boolean;
    };

/**
 * Upload → validate → apply → re-evaluate the requirements that read the uploaded entity
 * (every one for the registry). Every step is idempotent, so a redelivered event
 * simply runs again: summaries are conditional on as-of (an older snapshot never replaces a
 * newer one), statuses are recomputed, and the processed-object mark only tells whether this
 * is the first time (so the uploader hears about a rejection once).
 */
export async function ingestSnapshot(deps: IngestDeps, ref: ObjectRef): Promise<IngestOutcome> {
  const object = await deps.objects.get(ref.key, ref.version);
  if (object === undefined) return { outcome: 'gone', key: ref.key };
  const summary = await summarise(deps, object);

  if (!summary.report.ok) {
    const where = await deps.objects.quarantine(object, summary.report);
    const firstTime = await deps.store.markObjectProcessed(object.key, object.version, { outcome: 'rejected', ...where });
    return {
      outcome: 'rejected',
      key: object.key,
      version: object.version,
      ...(summary.entity === undefined ? {} : { entity: summary.entity }),
      report: summary.report,
      ...where,
      firstTime,
      ...(object.uploader === undefined ? {} : { uploader: object.uploader }),
    };
  }

  if (summary.entity === undefined) throw new DondocError('INVALID_SNAPSHOT', 'a valid snapshot always has an entity');
  if (summary.registry.length > 0) await deps.store.putUnits(summary.registry, object.asOf);
  const touched = new Set(summary.registry.map((u) => u.unitCode));
  const verdicts = await boundedMap(summary.summaries, STORE_CONCURRENCY, (unitSummary) =>
    deps.store.applySummary({ ...unitSummary, source: `${object.key}#${object.version}` }),
  );
  summary.summaries.forEach((unitSummary, i) => {
    if (verdicts[i] === 'applied') touched.add(unitSummary.unit);
  });
  const applied = verdicts.filter((v) => v === 'applied').length;
  const stale = verdicts.length - applied;
  const at = deps.evaluateAt === 'as_of' ? object.asOf : deps.now();
  /* Only what this entity can change: a profiles upload leaves the students' requirements as they were evaluated. */
  const { units, changes } = await reevaluateUnits(deps.store, requirementsReading(deps.catalog, summary.entity), touched, at);
  const firstTime = await deps.store.markObjectProcessed(object.key, object.version, { outcome: 'applied', rows: summary.report.rows });
  return {
    outcome: 'applied',
    key: object.key,
    version: object.version,
    entity: summary.entity,
    rows: summary.report.rows,
    applied,
    stale,
    evaluated: units,
    changes,
    firstTime,
  };
}

type Summarised = Omit<SnapshotSummary, 'entity'> & { entity?: EntityKind };

/* A file that cannot even be opened is as invalid as one with bad rows: it is quarantined
   with its reason, not retried until it lands in the dead-letter queue. */
async function summarise(deps: IngestDeps, object: SnapshotObject): Promise<Summarised> {
  if (object.unreadableAsOf !== undefined) return { report: unreadableAsOfReport(object.key, object.unreadableAsOf), summaries: [], registry: [] };
  const requirements = deps.catalog.dispatches.flatMap((d) => d.requirements);
  try {
    return await summariseSnapshot(object.input, requirements, { asOf: object.asOf, registry: (codes) => deps.store.getUnits(codes) });
  } catch (err) {
    if (!(err instanceof DondocError) || !UNOPENABLE.has(err.code)) throw err;
    return { report: unopenableReport(object.key, err), summaries: [], registry: [] };
  }
}

const UNOPENABLE: ReadonlySet<DondocError['code']> = new Set(['UNSUPPORTED_FORMAT', 'INVALID_SNAPSHOT', 'UNKNOWN_ENTITY']);
