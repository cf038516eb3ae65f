import { ENTITY_KINDS, type EntityKind, canonicalEntityKind } from './entities.ts';
import { foldKey } from './fold-key.ts';

/** What a Vietnamese workbook calls the sheet holding each entity. */
const SHEET_NAMES: Readonly<Record<EntityKind, readonly string[]>> = {
  units: ['units', 'Đơn vị', 'Danh sách đơn vị'],
  students: ['students', 'Học sinh', 'Danh sách học sinh'],
  staff: ['staff', 'Cán bộ', 'Nhân sự', 'CBGVNV', 'Danh sách cán bộ'],
  profiles: ['profiles', 'Hồ sơ trường', 'Hồ sơ'],
  reports: ['reports', 'Báo cáo', 'Báo cáo thống kê'],
  explanations: ['explanations', 'Giải trình'],
};

const FOLDED_SHEET_NAMES = new Map<string, EntityKind>(
  ENTITY_KINDS.flatMap((entity) => SHEET_NAMES[entity].map((name) => [foldKey(name), entity] as const)),
);

/** The entity a sheet is named after, if any. */
export function entityOfSheetName(sheetName: string): EntityKind | undefined {
  return FOLDED_SHEET_NAMES.get(foldKey(sheetName));
}

const LEADING_WORD = /^[a-z]+/;

/**
 * The entity a path names: the file name's leading word (`staff-thpt.xlsx`, `units.csv`),
 * else the nearest directory called after an entity (`snapshots/students/2023/x.csv`).
 */
export function entityFromName(name: string): EntityKind | undefined {
  const segments = name.toLowerCase().split(/[\\/]/).filter((s) => s !== '');
  const fileName = segments.pop();
  const word = fileName === undefined ? undefined : LEADING_WORD.exec(fileName)?.[0];
  const named = word === undefined ? undefined : canonicalEntityKind(word);
  if (named !== undefined) return named;
  return segments.map((segment) => canonicalEntityKind(segment)).findLast((kind) => kind !== undefined);
}
