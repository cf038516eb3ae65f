import { DondocError } from '../errors.ts';
import type { SnapshotFormat } from './validation-report.ts';

const EXTENSIONS: ReadonlyArray<readonly [string, SnapshotFormat]> = [
  ['.csv', 'csv'],
  ['.tsv', 'csv'],
  ['.txt', 'csv'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
  ['.xlsx', 'xlsx'],
];

/** The format named by a file name or S3 key; a `.gz` suffix is transport, not format. */
export function formatFromName(name: string): SnapshotFormat {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const found = EXTENSIONS.find(([ext]) => lower.endsWith(ext));
  if (!found) {
    throw new DondocError(
      'UNSUPPORTED_FORMAT',
      `Định dạng tệp không được hỗ trợ (dùng .csv, .xlsx, .ndjson): ${name} / unsupported file format (use .csv, .xlsx, .ndjson)`,
    );
  }
  return found[1];
}
