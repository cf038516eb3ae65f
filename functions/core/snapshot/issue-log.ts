import type { Message } from './issue-messages.ts';
import type { EntityKind } from './entities.ts';
import type { IssueCode, SnapshotFormat, ValidationIssue, ValidationReport } from './validation-report.ts';

export const DEFAULT_ISSUE_CAP = 1000;

/**
 * Collects issues into a report with exact counts but a bounded list, so a file with a
 * million bad rows still produces a small report. Errors displace kept warnings: the
 * uploader must see what blocks the file before what merely deserves a look.
 */
export class IssueLog {
  private readonly errorList: ValidationIssue[] = [];
  private readonly warningList: ValidationIssue[] = [];

  constructor(
    readonly report: ValidationReport,
    private readonly cap: number = DEFAULT_ISSUE_CAP,
  ) {}

  add(issue: ValidationIssue): void {
    const kept = this.errorList.length + this.warningList.length;
    if (issue.severity === 'error') {
      this.report.errors += 1;
      this.report.ok = false;
      if (this.errorList.length >= this.cap) return;
      if (kept >= this.cap) this.warningList.pop();
      this.errorList.push(issue);
    } else {
      this.report.warnings += 1;
      if (kept < this.cap) this.warningList.push(issue);
    }
  }

  /** Publishes the kept issues on the report, in file order. */
  finish(): void {
    const issues = [...this.errorList, ...this.warningList];
    issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    this.report.issues = issues;
    this.report.truncated = issues.length < this.report.errors + this.report.warnings;
  }
}

export function emptyReport(file: string, entity: EntityKind, format: SnapshotFormat): ValidationReport {
  return { file, entity, format, rows: 0, errors: 0, warnings: 0, issues: [], truncated: false, unknownColumns: [], ok: true };
}

export type IssueWhere = Pick<ValidationIssue, 'row' | 'column' | 'field' | 'value'>;

/** An issue with its fields in reading order and no empty ones; row 0 (no header row) is no row. */
export function makeIssue(severity: ValidationIssue['severity'], code: IssueCode, where: IssueWhere, message: Message): ValidationIssue {
  const position: IssueWhere = {};
  if (where.row !== undefined && where.row > 0) position.row = where.row;
  if (where.column !== undefined) position.column = where.column;
  if (where.field !== undefined) position.field = where.field;
  if (where.value !== undefined) position.value = where.value;
  return { severity, code, ...position, ...message };
}
