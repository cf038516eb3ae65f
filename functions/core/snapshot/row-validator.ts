import { textOfBinary } from './binary-text.ts';
import { cellText, cleanText, ExcelError, memoisedCleanText, type Cell } from './cell.ts';
import { COLUMNS, type ColumnSpec, type EntityKind, type EntityRecord, type UnitKind } from './entities.ts';
import { CodesByUnit } from './codes-by-unit.ts';
import { hash52 } from './hash52.ts';
import { HashSet52 } from './hash-set-52.ts';
import { columnForHeader } from './header-resolver.ts';
import { makeIssue, type IssueLog, type IssueWhere } from './issue-log.ts';
import { invalidValueMessage, messages, type Message } from './issue-messages.ts';
import { maskNationalId } from './mask-national-id.ts';
import { RECORD_CODE, RECORD_KEYS, blankRecordMaker, entityRecord, type RecordCode } from './record-keys.ts';
import { compileLineReader, type LineReader } from './line-record.ts';
import { FALLBACK, rangeReader, type RangeReader } from './range-readers.ts';
import { cellsOf, isBlankRow, type CellRow, type RawRow, type Table } from './table.ts';
import { UnitHierarchy, type HierarchyProblem, type RegistryLookup } from './unit-hierarchy.ts';
import type { IssueCode, ValidationIssue } from './validation-report.ts';
import { INVALID, parserFor, type PresentCell, type ValueParser } from './value-parsers.ts';

/** How a column's value lands in the record: personal data only as presence (and an ID as its hash). */
type Role = 'value' | 'presence' | 'nationalId';

interface ColumnPlan {
  position: number;
  header: string;
  spec: ColumnSpec;
  key: string;
  role: Role;
  /** kept text needs NFC; parsed values (dates, labels folded, codes of digits) only need trimming */
  keepsText: boolean;
  /** cleanText, remembered per spelling for the column */
  clean: (text: string) => string;
  parse: ValueParser;
  /** the same parse, of a cell read in place in a CSV line */
  read: RangeReader;
  required: boolean;
  invalid: Message;
}

const REPLACEMENT_CHARACTER = '\uFFFD';

function roleOf(spec: ColumnSpec): Role {
  if (spec.type === 'nationalId') return 'nationalId';
  return spec.personal ? 'presence' : 'value';
}

/** The value as a report may show it: national IDs masked, names never. */
function shownValue(spec: ColumnSpec, cell: PresentCell): string | undefined {
  const text = typeof cell === 'string' ? cleanText(cell) : cellText(cell);
  if (spec.type === 'nationalId') return maskNationalId(text);
  return spec.personal ? undefined : text;
}

/**
 * Checks rows against the entity's column contract and builds the PII-reduced records.
 * Header problems are reported once; a missing required column blocks every row (no
 * record can be complete) but rows are still read so the report lists all other problems.
 */
export class RowValidator {
  private readonly plans: ColumnPlan[] = [];
  private readonly planned = new Set<string>();
  private resolvedPositions = 0;
  private readonly blocked: boolean;
  /** required columns the header lacks; NDJSON objects may still carry them, so they are checked per row */
  private readonly requiredAbsent: ColumnSpec[];
  /** the column a record's code is in */
  private readonly codeColumn: string | undefined;
  /** the code of an accepted record, read by its entity's own reader */
  private readonly codeOf: RecordCode['read'] | undefined;
  /** unit codes, in a units file */
  private readonly seenUnits = new HashSet52();
  /** record codes per unit, in a file of people */
  private readonly seenCodes = new CodesByUnit();
  /** units and the parents they name, in a units file */
  private readonly hierarchy: UnitHierarchy | undefined;
  private readonly keys: Readonly<Record<string, string>>;
  /** CSV lines without quotes, read in place */
  private readonly readLine: LineReader;
  private readonly blankRecord: () => Record<string, unknown>;
  private readonly isUnits: boolean;

  constructor(
    private readonly entity: EntityKind,
    private readonly table: Table,
    private readonly log: IssueLog,
  ) {
    this.keys = RECORD_KEYS[entity];
    this.isUnits = entity === 'units';
    this.blankRecord = blankRecordMaker(entity);
    this.hierarchy = this.isUnits ? new UnitHierarchy() : undefined;
    this.codeColumn = RECORD_CODE[entity]?.column;
    this.codeOf = RECORD_CODE[entity]?.read;
    this.resolveNewColumns();
    this.readLine = compileLineReader(this.blankRecord, table.header.length, this.plans, table.binaryLines);
    const missing = COLUMNS[entity].filter((spec) => spec.required && !this.planned.has(spec.name));
    const hasHeaderRow = table.headerRow > 0;
    this.blocked = hasHeaderRow && missing.length > 0;
    this.requiredAbsent = hasHeaderRow ? [] : missing;
    if (hasHeaderRow) {
      for (const spec of missing) {
        this.issue('error', 'missing_required_column', { row: table.headerRow, column: spec.name, field: spec.name }, messages.missingRequiredColumn(spec.name));
      }
    }
  }

  private issue(severity: ValidationIssue['severity'], code: IssueCode, where: IssueWhere, message: Message): void {
    this.log.add(makeIssue(severity, code, where, message));
  }

  /** Resolves header positions not seen yet: all of them at first, NDJSON's new keys later. */
  private resolveNewColumns(): void {
    const { header, headerRow } = this.table;
    for (let position = this.resolvedPositions; position < header.length; position++) {
      const text = header[position] ?? '';
      if (text === '') continue;
      const spec = columnForHeader(this.entity, text);
      if (spec === undefined) {
        this.log.report.unknownColumns.push(text);
        this.issue('warning', 'unknown_column', { row: headerRow, column: text }, messages.unknownColumn());
      } else if (this.planned.has(spec.name)) {
        this.issue('error', 'duplicate_column', { row: headerRow, column: text, field: spec.name }, messages.duplicateColumn(spec.name));
      } else {
        this.planned.add(spec.name);
        const clean = memoisedCleanText();
        const parse = parserFor(spec, { date1904: this.table.date1904 });
        this.plans.push({
          position,
          header: text,
          spec,
          key: this.keys[spec.name] ?? spec.name,
          role: roleOf(spec),
          keepsText: spec.type === 'string' && !spec.personal,
          clean,
          parse,
          read: this.table.binaryLines ? rangeReader(spec, parse, memoisedCleanText(textOfBinary), textOfBinary) : rangeReader(spec, parse, clean),
          required: spec.required === true,
          invalid: invalidValueMessage(spec),
        });
      }
    }
    this.resolvedPositions = header.length;
  }

  /** The row's record when every value is acceptable; otherwise its issues go to the log. */
  validate(raw: RawRow): EntityRecord | undefined {
    if (raw.text === undefined) return this.validateCells(raw);
    /* A file with a missing column or a decoding failure is read the general way: it has problems to report. */
    const record = this.blocked || this.table.mayHoldReplacement() ? FALLBACK : this.readLine(raw.text, raw.start, raw.end, raw.delimiter);
    if (record === FALLBACK) return this.validateCells({ row: raw.row, cells: cellsOf(raw) });
    this.log.report.rows += 1;
    return this.accepted(record, raw.row);
  }

  private validateCells(raw: CellRow): EntityRecord | undefined {
    const { cells, row } = raw;
    if (raw.defect === undefined && isBlankRow(cells)) return undefined;
    this.log.report.rows += 1;
    if (raw.defect !== undefined) {
      const { code, messageVi, messageEn } = raw.defect;
      this.issue('error', code, { row }, { messageVi, messageEn });
      return undefined;
    }
    if (this.table.strictWidth && cells.length !== this.table.header.length) {
      this.issue('error', 'malformed_row', { row }, messages.malformedRow(cells.length, this.table.header.length));
      return undefined;
    }
    if (this.table.header.length > this.resolvedPositions) this.resolveNewColumns();

    const record = this.blankRecord();
    let ok = !this.blocked;
    const searchReplacement = this.table.mayHoldReplacement();
    for (const plan of this.plans) {
      let cell: Cell = cells[plan.position];
      if (typeof cell === 'string') {
        cell = plan.keepsText ? plan.clean(cell) : cell.trim();
        if (cell === '') cell = undefined;
        else if (searchReplacement && cell.includes(REPLACEMENT_CHARACTER)) {
          this.issue('error', 'encoding', { row, column: plan.header, field: plan.spec.name, value: shownValue(plan.spec, cell) }, messages.encoding());
          ok = false;
          continue;
        }
      }
      if (cell === undefined) {
        if (plan.spec.required) {
          this.issue('error', 'required_value_missing', { row, column: plan.header, field: plan.spec.name }, messages.requiredValueMissing());
          ok = false;
        }
        continue;
      }
      const value = plan.parse(cell);
      if (value === INVALID) {
        const message = cell instanceof ExcelError ? messages.excelError(String(cell)) : plan.invalid;
        this.issue('error', 'invalid_value', { row, column: plan.header, field: plan.spec.name, value: shownValue(plan.spec, cell) }, message);
        ok = false;
      } else if (plan.role === 'value') {
        record[plan.key] = value;
      } else if (plan.role === 'presence') {
        record.hasFullName = true;
      } else {
        record.hasNationalId = true;
        record.nationalIdHash = value;
      }
    }
    for (const spec of this.requiredAbsent) {
      if (this.planned.has(spec.name)) continue;
      this.issue('error', 'required_value_missing', { row, column: spec.name, field: spec.name }, messages.requiredValueMissing());
      ok = false;
    }
    if (!ok) return undefined;
    return this.accepted(record, row);
  }

  /** A record whose every value is acceptable, once its code is checked against the earlier rows'. */
  private accepted(record: Record<string, unknown>, row: number): EntityRecord | undefined {
    if (!this.firstOfItsCode(record)) {
      if (this.isUnits) {
        this.issue('error', 'duplicate_unit_code', { row, ...this.codeWhere(record) }, messages.duplicateUnitCode());
        return undefined;
      }
      this.issue('warning', 'duplicate_record_code', { row, ...this.codeWhere(record) }, messages.duplicateRecordCode(this.entity));
      // Kept on the record so the duplicates rule needs no second set of every code.
      record.repeatsCode = true;
    }
    this.hierarchy?.add(String(record.unitCode), record.unitKind as UnitKind, record.parentCode as string | undefined, row);
    return entityRecord(this.entity, record);
  }

  /**
   * What only the whole file tells, once its last row is validated: in a units file, the
   * parents its units name, among its rows and, given `registry`, the registered units.
   */
  async endOfFile(registry?: RegistryLookup): Promise<void> {
    if (this.hierarchy === undefined) return;
    if (registry !== undefined) await this.hierarchy.lookUp(registry);
    const column = this.headerOf('parent_code');
    for (const problem of this.hierarchy.problems()) {
      this.issue('error', 'invalid_parent', { row: problem.row, column, field: 'parent_code', value: problem.parent }, hierarchyMessage(problem));
    }
  }

  /** Frees what remembers the file's codes once its last row is validated. */
  finish(): void {
    this.seenUnits.release();
    this.seenCodes.release();
  }

  /** False when an earlier record of the same unit had the same code (units: the same unit code). */
  private firstOfItsCode(record: Record<string, unknown>): boolean {
    if (this.codeOf === undefined) return true;
    const code = this.codeOf(record);
    return this.isUnits ? this.seenUnits.add(hash52(code)) : this.seenCodes.add(record.unitCode as string, code);
  }

  private codeWhere(record: Record<string, unknown>): IssueWhere {
    const field = this.codeColumn ?? '';
    return { column: this.headerOf(field), field, value: String(record[this.keys[field] ?? '']) };
  }

  /** The column as the file's header writes it, for a field the header has. */
  private headerOf(field: string): string {
    return this.plans.find((p) => p.spec.name === field)?.header ?? field;
  }
}

function hierarchyMessage(problem: HierarchyProblem): Message {
  switch (problem.kind) {
    case 'own_parent':
      return messages.ownParent();
    case 'wrong_supervisor':
      return messages.wrongSupervisor(problem.parent, problem.unitKind, problem.parentKind, problem.allowed);
    case 'loop':
      return messages.parentLoop(problem.loop);
  }
}
