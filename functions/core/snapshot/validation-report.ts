import type { EntityKind } from './entities.ts';

export type SnapshotFormat = 'csv' | 'xlsx' | 'ndjson';

export type IssueCode =
  | 'missing_required_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'required_value_missing'
  | 'invalid_value'
  | 'encoding'
  | 'duplicate_record_code'
  | 'duplicate_unit_code'
  | 'invalid_parent'
  | 'malformed_row'
  | 'invalid_json'
  | 'empty_file'
  | 'unreadable_file'
  /** the object's metadata (its `as-of`) says nothing the pipeline can use */
  | 'invalid_metadata';

export interface ValidationIssue {
  severity: 'error' | 'warning';
  code: IssueCode;
  /** spreadsheet numbering: header row 1, first record row 2 (NDJSON: line number) */
  row?: number;
  /** the header as it appears in the file */
  column?: string;
  /** canonical column name */
  field?: string;
  /** the value seen; masked for national IDs, never present for names */
  value?: string;
  messageVi: string;
  messageEn: string;
}

export interface ValidationReport {
  file: string;
  entity?: EntityKind;
  format?: SnapshotFormat;
  /** record rows read (blank rows excluded) */
  rows: number;
  /** exact counts, whatever the cap on `issues` */
  errors: number;
  warnings: number;
  /** capped; errors are kept in preference to warnings; sorted by row */
  issues: ValidationIssue[];
  truncated: boolean;
  unknownColumns: string[];
  ok: boolean;
}
