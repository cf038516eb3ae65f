import type { DondocError } from '../errors.ts';
import { makeIssue } from './issue-log.ts';
import { messages } from './issue-messages.ts';
import type { ValidationReport } from './validation-report.ts';

/**
 * The report of a file that could not even be opened (unsupported format, no header, an
 * entity nobody can tell): rejected whole like any invalid file, with the reason as its issue.
 */
export function unopenableReport(file: string, err: DondocError): ValidationReport {
  return {
    file,
    rows: 0,
    errors: 1,
    warnings: 0,
    issues: [makeIssue('error', 'unreadable_file', {}, messages.unreadableFile(err.message))],
    truncated: false,
    unknownColumns: [],
    ok: false,
  };
}
