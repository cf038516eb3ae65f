import type { Level, UnitRecord } from '../core/snapshot/entities.ts';
import { dayNumber, dayString, type DemoCalendar } from './demo-calendar.ts';
import { deriveSeed, mulberry32, type Rng } from './prng.ts';
import type { ProvinceUnit } from './province-units.ts';

/**
 * A statistical-report period of a seed dispatch, with the deadline day each unit has for
 * it ("trước ngày 25/10/2022" is 00:00 on the 25th, so the 24th is the last day on time).
 * Mirrors the report_submitted requirements of dispatches/003 and 002.
 */
interface ReportPeriod {
  period: string;
  /** undefined: the period does not concern the unit */
  deadlineDay(unit: UnitRecord): number | undefined;
  /** a district office reviews its schools' reports and submits after them */
  afterChildren: boolean;
}

const UPPER: readonly Level[] = ['THPT', 'GDTX'];
const hasUpper = (unit: UnitRecord) => unit.levels.some((level) => UPPER.includes(level));

const REPORT_PERIODS: readonly ReportPeriod[] = [
  {
    // seed 003 §2: district offices "trước ngày 30/10/2022"; THPT, multi-level schools, centres "trước ngày 25/10/2022";
    // MN / TH / THCS schools report through their office, by its deadline.
    period: '2022-2023/dau-nam',
    deadlineDay: (unit) => {
      if (unit.unitKind === 'department') return undefined;
      return dayNumber(unit.unitKind === 'centre' || (unit.unitKind === 'school' && hasUpper(unit)) ? '2022-10-25' : '2022-10-30');
    },
    afterChildren: true,
  },
  {
    // seed 002 §1: district offices, schools with THPT and centres report "trước ngày 27 tháng 9 năm 2024".
    period: '2024-2025/ket-noi-csdl',
    deadlineDay: (unit) => (unit.unitKind === 'district_office' || hasUpper(unit) ? dayNumber('2024-09-27') : undefined),
    afterChildren: false,
  },
];

const WORK_START = 7 * 60;
const WORK_MINUTES = 10 * 60 + 30;

/** A working-hours stamp; unlike DemoCalendar's, it may fall after the as-of, for periods still ahead. */
function stampOn(day: number, rng: Rng): string {
  const minute = WORK_START + rng.int(WORK_MINUTES);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${dayString(day)}T${hh}:${mm}:${String(rng.int(60)).padStart(2, '0')}+07:00`;
}

/** Most units submit in the fortnight before their deadline, some in the ten days after, some not at all. */
function submissionDay(rng: Rng, deadlineDay: number): number | undefined {
  const x = rng.next();
  if (x < 0.75) return deadlineDay - rng.between(1, 12);
  if (x < 0.9) return deadlineDay + rng.between(0, 10);
  return undefined;
}

/** How many district offices submit before their schools have, so the after_children rule has offices to fail. */
const EARLY_OFFICES = 2;

/**
 * Offices submit the day after their last school or later (late if that school was), all
 * but EARLY_OFFICES of those with submitting schools, which submit the day before their first.
 */
function officeDays(rng: Rng, offices: readonly UnitRecord[], days: Map<string, number | undefined>, children: ReadonlyMap<string, number[]>, period: ReportPeriod): void {
  const withChildren = offices.filter((office) => (children.get(office.unitCode)?.length ?? 0) > 0 && days.get(office.unitCode) !== undefined);
  const early = new Set<string>();
  while (early.size < Math.min(EARLY_OFFICES, withChildren.length)) early.add((withChildren[rng.int(withChildren.length)] as UnitRecord).unitCode);
  for (const office of withChildren) {
    const childDays = children.get(office.unitCode) as number[];
    const deadline = period.deadlineDay(office) as number;
    if (early.has(office.unitCode)) {
      days.set(office.unitCode, Math.min(...childDays) - 1);
      continue;
    }
    const after = Math.max(...childDays) + 1;
    days.set(office.unitCode, after < deadline ? rng.between(after, deadline - 1) : after + rng.int(3));
  }
}

/**
 * reports.csv rows (COLUMNS.reports order) for every period and unit it concerns. A row
 * is written when it was submitted before the as-of, or, for a period whose deadline is
 * still ahead of the as-of, whenever it will be: the evaluation ignores a submission
 * stamped after the instant it evaluates at, so walking the clock past the deadline shows
 * the period unfold (pending, compliant, compliant_late, overdue).
 */
export function reportRows(seed: number, calendar: DemoCalendar, units: readonly ProvinceUnit[]): string[][] {
  const rows: string[][] = [];
  for (const period of REPORT_PERIODS) {
    const concerned = units.map((u) => u.unit).filter((unit) => period.deadlineDay(unit) !== undefined);
    const rng = mulberry32(deriveSeed(seed, 'reports', period.period));
    const days = new Map<string, number | undefined>();
    for (const unit of concerned) days.set(unit.unitCode, submissionDay(rng, period.deadlineDay(unit) as number));
    if (period.afterChildren) {
      const children = new Map<string, number[]>();
      for (const unit of concerned) {
        const day = days.get(unit.unitCode);
        if (unit.unitKind === 'district_office' || unit.parentCode === undefined || day === undefined) continue;
        children.set(unit.parentCode, [...(children.get(unit.parentCode) ?? []), day]);
      }
      officeDays(rng, concerned.filter((unit) => unit.unitKind === 'district_office'), days, children, period);
    }
    for (const unit of concerned) {
      const day = days.get(unit.unitCode);
      const ahead = (period.deadlineDay(unit) as number) > calendar.asOfDay;
      if (day === undefined || (day >= calendar.asOfDay && !ahead)) continue;
      const approvedDay = day + rng.between(1, 4);
      const approved = unit.parentCode !== undefined && approvedDay < calendar.asOfDay && rng.chance(0.7);
      rows.push([unit.unitCode, period.period, stampOn(day, rng), approved ? stampOn(approvedDay, rng) : '']);
    }
  }
  return rows;
}
