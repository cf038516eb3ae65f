import { DondocError } from '../errors.ts';

/** One problem found in a catalog file, located the way the person editing the YAML needs it. */
export interface CatalogIssue {
  file: string;
  /** where in the dispatch, e.g. `requirements[2].deadlines[0].at`; empty for the whole file */
  path: string;
  /** 1-based line in the YAML file, when known */
  line?: number;
  vi: string;
  en: string;
}

export interface CatalogErrorDetails {
  issues: CatalogIssue[];
}

/** `requirements[2].deadlines[0].at` from a zod / YAML path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc === '' ? String(key) : `${acc}.${String(key)}`;
  }, '');
}

function describe(issue: CatalogIssue): string {
  const where = [issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`, issue.path].filter(Boolean).join(' ');
  return `  ${where}: ${issue.vi} / ${issue.en}`;
}

/** One error for every problem found, so a department office fixes a file in one pass. */
export function catalogError(issues: readonly CatalogIssue[]): DondocError {
  const details: CatalogErrorDetails = { issues: [...issues] };
  const header = `Danh mục công văn không hợp lệ / invalid dispatch catalog (${issues.length}):`;
  return new DondocError('INVALID_CATALOG', [header, ...issues.map(describe)].join('\n'), details);
}
