import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { DondocError } from '../errors.ts';
import { DEFAULT_CATALOG_DIR, readCatalogFiles, type CatalogFile } from './catalog-files.ts';
import { catalogError, formatPath, type CatalogErrorDetails, type CatalogIssue } from './catalog-error.ts';
import { parseDeadline, type DeadlineTextProblem } from './deadline-text.ts';
import { COLUMNS } from '../snapshot/entities.ts';
import { parseSchoolYear } from '../snapshot/school-year.ts';
import { DispatchInput, type Catalog, type Rule, type Deadline, type Dispatch, type NotificationPolicy, type Requirement } from './schema.ts';
import { oneByteTexts } from './one-byte-texts.ts';
import { findUnknownFields } from './unknown-fields.ts';
import { lineOf, type Located } from './yaml-lines.ts';

export { catalogToJson } from './catalog-json.ts';
export { DEFAULT_CATALOG_DIR } from './catalog-files.ts';

const viErrors = z.locales.vi().localeError;

function issueAt(file: string, located: Located, path: readonly PropertyKey[], vi: string, en: string): CatalogIssue {
  const line = lineOf(located, path);
  return { file, path: formatPath(path), ...(line !== undefined && { line }), vi, en };
}

function schemaIssues(file: string, located: Located, raw: unknown, error: z.ZodError): CatalogIssue[] {
  const vi = DispatchInput.safeParse(raw, { error: viErrors });
  return error.issues.map((issue, i) => {
    if (issue.code === 'invalid_union' && 'discriminator' in issue && 'options' in issue) {
      const options = (issue.options as unknown[]).join(', ');
      return issueAt(file, located, issue.path, `loại quy tắc không có; chọn một trong: ${options}`, `unknown rule kind; use one of: ${options}`);
    }
    const viMessage = vi.success ? issue.message : (vi.error.issues[i]?.message ?? issue.message);
    return issueAt(file, located, issue.path, viMessage, issue.message);
  });
}

function unknownFieldIssues(file: string, located: Located, raw: unknown): CatalogIssue[] {
  return findUnknownFields(DispatchInput, raw).map(({ path, key, suggestion }) =>
    issueAt(
      file,
      located,
      path,
      `trường "${key}" không có trong định dạng danh mục${suggestion ? ` (có phải "${suggestion}"?)` : ''}`,
      `unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    ),
  );
}

/** Deadline texts are read from the raw YAML, so they are reported even when other fields are wrong too. */
function deadlineIssues(file: string, located: Located, raw: unknown): CatalogIssue[] {
  const requirements = (raw as { requirements?: unknown } | null)?.requirements;
  if (!Array.isArray(requirements)) return [];
  return requirements.flatMap((req, i) => {
    const deadlines = (req as { deadlines?: unknown } | null)?.deadlines;
    if (!Array.isArray(deadlines)) return [];
    return deadlines.flatMap((d, j) => {
      const at = (d as { at?: unknown } | null)?.at;
      if (typeof at !== 'string') return [];
      try {
        parseDeadline(at);
        return [];
      } catch (error) {
        if (!(error instanceof DondocError) || error.code !== 'INVALID_CATALOG') throw error;
        const { vi, en } = error.details as DeadlineTextProblem;
        return [issueAt(file, located, ['requirements', i, 'deadlines', j, 'at'], `thời hạn "${at}": ${vi}`, `deadline "${at}": ${en}`)];
      }
    });
  });
}

/** The columns a rule names by field, with where each is named: a misspelt one would fail every record. */
function namedFields(rule: Rule): { field: string; path: PropertyKey[] }[] {
  if (rule.kind === 'required_fields') return rule.fields.map((field, k) => ({ field, path: ['fields', k] }));
  if (rule.kind === 'reference_set') {
    return [{ field: rule.when.field, path: ['when', 'field'] }, ...rule.expect.map((e, k) => ({ field: e.field, path: ['expect', k, 'field'] }))];
  }
  return [];
}

function unknownColumnIssues(file: string, located: Located, rule: Rule, at: PropertyKey[]): CatalogIssue[] {
  const columns = COLUMNS[rule.entity].map((c) => c.name);
  return namedFields(rule)
    .filter(({ field }) => !columns.includes(field))
    .map(({ field, path }) =>
      issueAt(
        file,
        located,
        [...at, ...path],
        `tệp ${rule.entity} không có cột "${field}"; các cột: ${columns.join(', ')}`,
        `a ${rule.entity} file has no column "${field}"; its columns: ${columns.join(', ')}`,
      ),
    );
}

const WEEKDAYS = 7;

/** A policy quiet on every weekday would never let a reminder or an escalation out, and say nothing of it. */
function alwaysQuietIssues(file: string, located: Located, policy: NotificationPolicy | undefined, at: PropertyKey[]): CatalogIssue[] {
  if (new Set(policy?.quiet_weekdays ?? []).size < WEEKDAYS) return [];
  return [
    issueAt(
      file,
      located,
      [...at, 'quiet_weekdays'],
      'quiet_weekdays gồm cả 7 ngày trong tuần: không nhắc nhở hay báo cáo vượt cấp nào được gửi',
      'quiet_weekdays names all 7 days of the week: no reminder or escalation would ever be sent',
    ),
  ];
}

function consistencyIssues(file: string, located: Located, input: DispatchInput): CatalogIssue[] {
  const issues: CatalogIssue[] = [...alwaysQuietIssues(file, located, input.policy, ['policy'])];
  const seen = new Map<string, number>();
  input.requirements.forEach((req, i) => {
    const first = seen.get(req.id);
    if (first === undefined) seen.set(req.id, i);
    else {
      issues.push(
        issueAt(file, located, ['requirements', i, 'id'], `mã yêu cầu "${req.id}" trùng với requirements[${first}]`, `requirement id "${req.id}" repeats requirements[${first}]`),
      );
    }
    issues.push(...unknownColumnIssues(file, located, req.rule, ['requirements', i, 'rule']));
    issues.push(...alwaysQuietIssues(file, located, req.policy, ['requirements', i, 'policy']));
    if (req.rule.kind === 'update_window' && req.rule.warn_days < req.rule.ok_days) {
      issues.push(
        issueAt(file, located, ['requirements', i, 'rule', 'warn_days'], 'warn_days phải lớn hơn hoặc bằng ok_days', 'warn_days must be at least ok_days'),
      );
    }
    /* A record's year is compared with this one: a year no record can hold would fail every unit. */
    if (req.rule.kind === 'school_year_rollover' && parseSchoolYear(req.rule.school_year) !== req.rule.school_year) {
      const year = req.rule.school_year;
      issues.push(
        issueAt(
          file,
          located,
          ['requirements', i, 'rule', 'school_year'],
          `năm học "${year}" phải là hai năm liền nhau, ví dụ 2024-2025`,
          `school year "${year}" must be two consecutive years, e.g. 2024-2025`,
        ),
      );
    }
  });
  return issues;
}

function mergePolicy(dispatch?: NotificationPolicy, requirement?: NotificationPolicy): NotificationPolicy | undefined {
  if (!dispatch && !requirement) return undefined;
  return { ...dispatch, ...requirement };
}

function toDispatch(input: DispatchInput): Dispatch {
  const requirements = input.requirements.map((req): Requirement => {
    const deadlines = req.deadlines.map(
      (d): Deadline => ({
        at: parseDeadline(d.at),
        ...(d.levels?.length && { levels: d.levels }),
        ...(d.unit_kinds?.length && { unitKinds: d.unit_kinds }),
        ...(d.districts?.length && { districts: d.districts }),
      }),
    );
    const policy = mergePolicy(input.policy, req.policy);
    return {
      id: `${input.id}/${req.id}`,
      dispatchId: input.id,
      title: req.title,
      source: req.source,
      entity: req.rule.entity,
      rule: req.rule,
      appliesTo: req.applies_to,
      deadlines,
      ...(req.action !== undefined && { action: req.action }),
      ...(policy && { policy }),
    };
  });
  return {
    id: input.id,
    issuer: input.issuer,
    number: input.number,
    date: input.date,
    title: input.title,
    ...(input.source !== undefined && { source: input.source }),
    ...(input.policy && { policy: input.policy }),
    requirements,
  };
}

function syntaxIssues(fileName: string, doc: Document, lines: LineCounter): CatalogIssue[] {
  // The parser often reports one mistake several times on the same line; once is enough.
  const seen = new Set<string>();
  return doc.errors.flatMap((e): CatalogIssue[] => {
    const line = lines.linePos(e.pos[0]).line;
    const key = `${line} ${e.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ file: fileName, path: '', line, vi: `YAML sai cú pháp: ${e.message}`, en: `YAML syntax error: ${e.message}` }];
  });
}

/**
 * The parser's and the converter's own failures, which they throw rather than list: nesting
 * deeper than the stack, an alias to no anchor, aliases that would expand past the limit
 * (the "billion laughs"). Each is a file the office must fix, not a crash.
 */
function unreadableYaml<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw catalogError([{ file: fileName, path: '', vi: `không đọc được YAML: ${reason}`, en: `unreadable YAML: ${reason}` }]);
  }
}

/** A dispatch, and the line its id is on, for a later file that repeats the id. */
interface ReadDispatch {
  dispatch: Dispatch;
  idLine?: number;
}

function readDispatch(yamlText: string, fileName: string): ReadDispatch {
  const lines = new LineCounter();
  // logLevel: a collection used as a key would be stringified with a warning on stderr; the unknown-field check reports it instead.
  const doc = unreadableYaml(fileName, () => parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, logLevel: 'error' }));
  if (doc.errors.length > 0) throw catalogError(syntaxIssues(fileName, doc, lines));
  const located = { doc, lines };
  const raw = oneByteTexts(unreadableYaml(fileName, () => doc.toJS()));
  const parsed = DispatchInput.safeParse(raw);
  const issues = [
    ...(parsed.success ? consistencyIssues(fileName, located, parsed.data) : schemaIssues(fileName, located, raw, parsed.error)),
    ...unknownFieldIssues(fileName, located, raw),
    ...deadlineIssues(fileName, located, raw),
  ];
  if (issues.length > 0 || !parsed.success) throw catalogError(issues);
  const idLine = lineOf(located, ['id']);
  return { dispatch: toDispatch(parsed.data), ...(idLine !== undefined && { idLine }) };
}

/**
 * One dispatch from its YAML text. Every problem in the file is collected before throwing
 * DondocError('INVALID_CATALOG'), each naming the file, the line, the path in the dispatch
 * and the problem in Vietnamese and English (details: CatalogErrorDetails). A requirement's
 * notification policy is the dispatch's, overridden field by field by its own.
 */
export function parseDispatch(yamlText: string, fileName: string): Dispatch {
  return readDispatch(yamlText, fileName).dispatch;
}

/** The catalog from already-read files (pure: the caller decides where the YAML comes from). */
export function catalogFromFiles(files: readonly CatalogFile[]): Catalog {
  const issues: CatalogIssue[] = [];
  const dispatches: Dispatch[] = [];
  const fileOf = new Map<string, string>();
  for (const { name, text } of files) {
    let read: ReadDispatch;
    try {
      read = readDispatch(text, name);
    } catch (error) {
      if (!(error instanceof DondocError) || error.code !== 'INVALID_CATALOG') throw error;
      issues.push(...(error.details as CatalogErrorDetails).issues);
      continue;
    }
    const { dispatch, idLine } = read;
    const other = fileOf.get(dispatch.id);
    if (other !== undefined) {
      issues.push({
        file: name,
        path: 'id',
        ...(idLine !== undefined && { line: idLine }),
        vi: `mã công văn "${dispatch.id}" đã dùng trong ${other}`,
        en: `dispatch id "${dispatch.id}" is already used by ${other}`,
      });
      continue;
    }
    fileOf.set(dispatch.id, name);
    dispatches.push(dispatch);
  }
  if (issues.length > 0) throw catalogError(issues);
  return { dispatches };
}

/** Every *.yaml / *.yml directly in `dir`, in file-name order. */
export async function loadCatalog(dir: string = DEFAULT_CATALOG_DIR): Promise<Catalog> {
  return catalogFromFiles(await readCatalogFiles(dir));
}
