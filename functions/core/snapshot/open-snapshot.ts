import { z } from 'zod';
import { DondocError } from '../errors.ts';
import { openBytes, type ByteSource } from './byte-source.ts';
import { openCsvTable } from './csv-table.ts';
import { EntityKind, type EntityRecord, canonicalEntityKind } from './entities.ts';
import { entityFromName } from './entity-names.ts';
import { entityFromHeader } from './header-resolver.ts';
import { IssueLog, emptyReport, makeIssue } from './issue-log.ts';
import { messages } from './issue-messages.ts';
import { openNdjsonTable } from './ndjson-table.ts';
import { RowValidator } from './row-validator.ts';
import { formatFromName } from './snapshot-format.ts';
import type { SnapshotInput } from './snapshot-input.ts';
import type { RawRow, Table } from './table.ts';
import { csvText, decodeText } from './text-decoder.ts';
import type { RegistryLookup } from './unit-hierarchy.ts';
import type { SnapshotFormat, ValidationReport } from './validation-report.ts';

export { bufferInput, fileInput, type SnapshotInput } from './snapshot-input.ts';
export type { IssueCode, SnapshotFormat, ValidationIssue, ValidationReport } from './validation-report.ts';

export interface OpenedSnapshot {
  entity: EntityKind;
  format: SnapshotFormat;
  /** Streams the valid rows' PII-reduced records, filling `report` as it goes. Can be iterated once. */
  records(): AsyncIterable<EntityRecord>;
  /**
   * The same records a chunk of the file at a time, for callers that fold them: one await a
   * chunk rather than one a record. Either this or records() can be iterated, once.
   */
  batches(): AsyncIterable<EntityRecord[]>;
  /** complete once records() or batches() is exhausted (or its loop left early) */
  report: ValidationReport;
}

const OpenOptions = z.object({ entity: EntityKind.optional() }).optional();
export type OpenOptions = z.infer<typeof OpenOptions>;

function parseOptions(opts: unknown): OpenOptions {
  const parsed = OpenOptions.safeParse(opts);
  if (!parsed.success) throw new DondocError('UNKNOWN_ENTITY', 'Loại dữ liệu không hợp lệ / unknown entity', parsed.error.issues);
  return parsed.data;
}

async function openTable(format: SnapshotFormat, bytes: ByteSource, entity: EntityKind | undefined): Promise<Table> {
  switch (format) {
    case 'csv': {
      const watch = { seen: false };
      return openCsvTable(csvText(bytes.stream, watch), watch, bytes.close);
    }
    case 'ndjson':
      return openNdjsonTable(decodeText(bytes.stream), bytes.close);
    case 'xlsx': {
      // ExcelJS is large; CSV and NDJSON snapshots never load it.
      const { openXlsxTable } = await import('./xlsx-table.ts');
      return openXlsxTable(bytes.stream, entity, bytes.close);
    }
  }
}

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function unreadable(err: unknown): DondocError {
  if (err instanceof DondocError) return err;
  return new DondocError('INVALID_SNAPSHOT', `Không đọc được tệp / cannot read the file: ${reasonOf(err)}`);
}

/**
 * Opens a snapshot and reads as far as its header. Throws DondocError only for what stops
 * reading before any row: an unsupported format (UNSUPPORTED_FORMAT), no header or an
 * unreadable start (INVALID_SNAPSHOT), an entity neither given, named by the path nor
 * recognisable from the header (UNKNOWN_ENTITY). Everything else — missing required
 * columns included — is an issue in the report, which then has ok = false. `registry`, for a
 * units file: where the parents its rows name outside the file are looked up once it is read.
 */
export async function openSnapshot(input: SnapshotInput, opts?: { entity?: EntityKind; registry?: RegistryLookup }): Promise<OpenedSnapshot> {
  const options = parseOptions(opts);
  const format = formatFromName(input.name);
  const known = options?.entity === undefined ? entityFromName(input.name) : canonicalEntityKind(options.entity);
  let bytes: ByteSource | undefined;
  let table: Table;
  try {
    bytes = await openBytes(input.open());
    table = await openTable(format, bytes, known);
  } catch (err) {
    bytes?.close();
    throw unreadable(err);
  }
  const entity = known ?? entityFromHeader(table.header);
  if (entity === undefined) {
    table.close();
    throw new DondocError(
      'UNKNOWN_ENTITY',
      `Không nhận ra loại dữ liệu của ${input.name}: dùng --entity hoặc đặt tên tệp theo loại (students, staff, …) / cannot tell the entity: use --entity or name the file after it`,
    );
  }
  const report = emptyReport(input.name, entity, format);
  const log = new IssueLog(report);
  const validator = new RowValidator(entity, table, log);
  let started = false;

  /** The table's rows as read; validation is left to the caller so records() can stay lazy row by row. */
  async function* rows(): AsyncGenerator<RawRow[]> {
    if (started) throw new DondocError('INVALID_ARGUMENT', 'records() chỉ đọc được một lần / records() can be iterated once');
    started = true;
    try {
      for (;;) {
        let batch: IteratorResult<RawRow[]>;
        try {
          batch = await table.rows.next();
        } catch (err) {
          log.add(makeIssue('error', 'unreadable_file', {}, messages.unreadableFile(reasonOf(err))));
          break;
        }
        if (batch.done) break;
        yield batch.value;
      }
      await validator.endOfFile(opts?.registry);
      if (report.rows === 0) log.add(makeIssue('warning', 'empty_file', {}, messages.emptyFile()));
    } finally {
      table.close();
      validator.finish();
      log.finish();
    }
  }

  async function* records(): AsyncGenerator<EntityRecord> {
    for await (const batch of rows()) {
      for (const raw of batch) {
        const record = validator.validate(raw);
        if (record !== undefined) yield record;
      }
    }
  }

  async function* batches(): AsyncGenerator<EntityRecord[]> {
    for await (const batch of rows()) {
      const records: EntityRecord[] = [];
      for (const raw of batch) {
        const record = validator.validate(raw);
        if (record !== undefined) records.push(record);
      }
      if (records.length > 0) yield records;
    }
  }

  return { entity, format, report, records, batches };
}

/** Reads the whole snapshot and returns its report; records are dropped as they stream by. */
export async function validateSnapshot(input: SnapshotInput, opts?: { entity?: EntityKind }): Promise<ValidationReport> {
  const opened = await openSnapshot(input, opts);
  for await (const _batch of opened.batches()) {
    // Only the report is wanted; draining the records fills it.
  }
  return opened.report;
}
