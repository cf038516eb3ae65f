import type { DondocError } from '../errors.ts';
import { makeIssue } from './issue-log.ts';
import { messages } from './issue-messages.ts';
import type { ValidationReport } from './validation-report.ts';

/**
 * The report of a file that could not even be opened (unsupported format, no header, an
 * entity nobody can tell): rejected whole like any invalid file, with the reason as its issue.
 */
export function unopenableReport(file: string, err: DondocError): ValidationReport {
  return refused(file, makeIssue('error', 'unreadable_file', {}, messages.unreadableFile(err.message)));
}

/**
 * The report of an object whose `as-of` metadata names no instant (set by hand, `aws s3 cp
 * --metadata as-of=…`): which state it is would be a guess, so it is refused, not retried.
 */
export function unreadableAsOfReport(file: string, asOf: string): ValidationReport {
  return refused(file, makeIssue('error', 'invalid_metadata', { field: 'as-of', value: asOf.slice(0, MAX_SHOWN) }, messages.invalidAsOf()));
}

/** Enough of a metadata value to recognise it in the report. */
const MAX_SHOWN = 100;

function refused(file: string, issue: ValidationReport['issues'][number]): ValidationReport {
  return { file, rows: 0, errors: 1, warnings: 0, issues: [issue], truncated: false, unknownColumns: [], ok: false };
}
