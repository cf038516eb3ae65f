import { CsvTokenizer, type CsvSink } from '../../../functions/core/snapshot/csv-tokenizer.ts';
import type { EntityKind, EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { bufferInput, openSnapshot, type SnapshotInput } from '../../../functions/core/snapshot/open-snapshot.ts';
import type { ValidationIssue, ValidationReport } from '../../../functions/core/snapshot/validation-report.ts';
import type { TextFilter } from '../../../functions/core/snapshot/xlsx-part.ts';

export interface Read {
  records: EntityRecord['record'][];
  report: ValidationReport;
  entity: EntityKind;
}

/** The fields a record was given: a person's record lists every field, undefined meaning not given. */
function givenFields<R extends object>(record: R): R {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as R;
}

/** Opens and drains a snapshot, keeping what a test needs to look at (records with their given fields). */
export async function readAll(input: SnapshotInput, entity?: EntityKind): Promise<Read> {
  const opened = await openSnapshot(input, entity ? { entity } : undefined);
  const records: EntityRecord['record'][] = [];
  for await (const rec of opened.records()) records.push(givenFields(rec.record));
  return { records, report: opened.report, entity: opened.entity };
}

export function readText(name: string, text: string, entity?: EntityKind): Promise<Read> {
  return readAll(bufferInput(name, text), entity);
}

/** The issues without their messages, for exact comparison. */
export function located(report: ValidationReport): Omit<ValidationIssue, 'messageVi' | 'messageEn'>[] {
  return report.issues.map(({ messageVi: _vi, messageEn: _en, ...rest }) => rest);
}

export const STUDENT_HEADER = 'unit_code,student_code,full_name,birth_date,level,class_name,national_id,id_verification,status,status_effective_date,updated_at,school_year';

/** Every record the tokenizer gives for text fed in these chunks. */
export function tokenize(chunks: readonly string[], delimiter = ','): string[][] {
  const tokenizer = new CsvTokenizer(delimiter);
  const records: string[][] = [];
  const out: CsvSink = {
    line: (text, start, end) => records.push(text.slice(start, end).split(delimiter)),
    cells: (cells) => records.push(cells),
  };
  for (const chunk of chunks) tokenizer.push(chunk, out);
  tokenizer.end(out);
  return records;
}

/** The text cut at these offsets (taken modulo its length), as a stream might deliver it. */
export function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

/**
 * The encoding the snapshot contract reads a CSV file in: UTF-16 by its byte-order mark, or
 * by two ASCII characters written in two bytes each, one of them zero, as some exporters
 * write it without one; UTF-8 (undefined here) otherwise.
 */
export function utf16Of(bytes: Buffer): 'utf16le' | 'utf16be' | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return 'utf16le';
  if (a === 0xfe && b === 0xff) return 'utf16be';
  if (bytes.length < 4) return undefined;
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf16le';
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf16be';
  return undefined;
}

/** What a streaming text filter gives for `text` cut at `cuts` (positions taken modulo its length): the pieces it pushes out, then its end. */
export function filteredInPieces(filter: TextFilter, text: string, cuts: readonly number[]): string {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const at of [...points, text.length]) {
    out += filter.push(text.slice(from, at));
    from = at;
  }
  return out + filter.end();
}
