import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The peer of `dondoc check`: DuckDB, one thread, computing from the same students and staff
 * CSV files the per-unit `total`, `failing` and `warning` of every distinct rule the spec lists
 * (bench/peer-spec.ts: the catalog's rules that read students or staff), each rule once, as
 * dondoc judges it once. Deadlines and statuses are not computed: the counts are compared.
 *
 * Cells are read as DuckDB reads them, like duckdb-peer.mjs: an empty cell is NULL, labels
 * are compared lower-cased as the snapshot contract spells them. dondoc also trims cells,
 * forgives accents and spacing in labels, takes header aliases and other date shapes; the
 * generated files need none of that, and the cross-check (bench/cross-check.ts) would name the
 * first unit and rule where a file did.
 *
 * Usage: duckdb-check-peer.mjs <spec.json> <students.csv> <staff.csv> [counts.json]
 */
const [specFile, students, staff, out] = process.argv.slice(2);
const started = performance.now();
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
// A timestamp without an offset is Vietnam time, as dondoc reads it; so is the start of a day.
await conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);

const DAY_MS = 86_400_000;
const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const instant = (column) => `epoch_ms(CAST(${column} AS TIMESTAMPTZ))`;
const dayStart = (date) => `epoch_ms(CAST(${date} AS DATE)::TIMESTAMPTZ)`;

/**
 * A rule judged record by record (record-rules.ts) as SQL: whether it counts the record, and
 * whether the record fails it (or, in the update window, warns). Students and staff count
 * only while active, except in the update window, which judges every dated change.
 */
function judged(rule) {
  switch (rule.kind) {
    case 'identity_verification':
      return { counted: 'active', failing: 'NOT verified' };
    case 'required_fields':
      // A national ID survives parsing only as "present"; every field is present when its cell is not empty.
      return { counted: 'active', failing: rule.fields.map((field) => `${field} IS NULL`).join(' OR ') };
    case 'update_window': {
      // Lag = updated_at − the start of the effective day; judged when both are given, the day on or after `since`.
      const effective = rule.effective_field;
      const since = rule.since === undefined ? '' : ` AND ${effective} >= ${quote(rule.since)}`;
      const lag = `(${instant('updated_at')} - ${dayStart(effective)})`;
      return {
        counted: `${effective} IS NOT NULL AND updated_at IS NOT NULL${since}`,
        failing: `${lag} > ${rule.warn_days * DAY_MS}`,
        warning: `${lag} > ${rule.ok_days * DAY_MS} AND ${lag} <= ${rule.warn_days * DAY_MS}`,
      };
    }
    case 'self_review': {
      const early = rule.since === undefined ? '' : ` OR ${instant('reviewed_at')} < ${dayStart(quote(rule.since))}`;
      return { counted: 'active', failing: `reviewed_at IS NULL${early}` };
    }
    case 'school_year_rollover':
      return { counted: 'active', failing: `school_year IS DISTINCT FROM ${quote(rule.school_year)}` };
    default:
      return undefined;
  }
}

/**
 * A rule's three counts for a unit, as aggregates over the unit's records: the per-record
 * flags of judged rules, and the two whole-file rules, which are not judged per record.
 */
function aggregates(rule, i) {
  switch (rule.kind) {
    case 'duplicates': {
      // Every record counts; it fails when it comes after the first record with its national
      // ID anywhere in the file, or after the first with its code in its unit.
      const repeats = rule.keys.map((key) => (key === 'national_id' ? 'rn > ids.first_rn' : 'rn > codes.first_rn'));
      return [`count(*)`, `count(*) FILTER (WHERE ${repeats.join(' OR ')})`, '0'];
    }
    case 'freshness': {
      // One count a unit with records of the entity, failing when its snapshot is too old;
      // check takes its files as snapshots taken at --as-of, so none is.
      const snapshotAsOf = spec.asOf;
      return ['1', String(Number(spec.asOf - snapshotAsOf > rule.max_age_days * DAY_MS)), '0'];
    }
    default:
      if (judged(rule) === undefined) throw new Error(`the check peer has no SQL for rule kind ${rule.kind}`);
      return [`count(*) FILTER (WHERE c${i})`, `count(*) FILTER (WHERE f${i})`, rule.kind === 'update_window' ? `count(*) FILTER (WHERE w${i})` : '0'];
  }
}

/** Every rule of one entity from one read of its file, grouped by unit. */
async function entityCounts(entity, file, rules) {
  const code = entity === 'students' ? 'student_code' : 'staff_code';
  const keys = new Set(rules.flatMap(({ rule }) => (rule.kind === 'duplicates' ? rule.keys : [])));
  const flags = rules.flatMap(({ rule }, i) => {
    const j = judged(rule);
    if (j === undefined) return [];
    const { counted, failing, warning } = j;
    return [`${counted} AS c${i}`, `${counted} AND (${failing}) AS f${i}`, ...(warning === undefined ? [] : [`${counted} AND (${warning}) AS w${i}`])];
  });
  // The records, narrowed to what the counts need, numbered in the file's order (one thread
  // reads the file in order), so that the first of two duplicates is the one that does not fail.
  const records = [
    'row_number() OVER () AS rn',
    'unit_code AS unit',
    // dondoc hashes a national ID without its spaces
    ...(keys.has('national_id') ? [`replace(national_id, ' ', '') AS nid`] : []),
    ...(keys.has('record_code') ? [`${code} AS code`] : []),
    ...flags,
  ];
  const active = `status IS NULL OR lower(status) IN (${spec.labels.active[entity].map(quote).join(', ')})`;
  const verified = `lower(id_verification) IN (${spec.labels.verified.map(quote).join(', ')})`;
  // Only keys met more than once, with the row of their first record.
  const firsts = [
    ...(keys.has('national_id') ? ['ids AS (SELECT nid, min(rn) AS first_rn FROM records WHERE nid IS NOT NULL GROUP BY nid HAVING count(*) > 1)'] : []),
    ...(keys.has('record_code') ? ['codes AS (SELECT unit, code, min(rn) AS first_rn FROM records GROUP BY unit, code HAVING count(*) > 1)'] : []),
  ];
  const joins = [...(keys.has('national_id') ? ['LEFT JOIN ids USING (nid)'] : []), ...(keys.has('record_code') ? ['LEFT JOIN codes USING (unit, code)'] : [])];
  const counts = rules.flatMap(({ rule }, i) => aggregates(rule, i).map((sql, k) => `${sql} AS ${['total', 'failing', 'warning'][k]}_${i}`));
  const reader = await conn.runAndReadAll(`
    WITH records AS MATERIALIZED (
      SELECT ${records.join(', ')}
      FROM (SELECT *, ${active} AS active, ${verified} AS verified FROM read_csv(${quote(file)}, header = true, all_varchar = true))
    )${firsts.map((cte) => `, ${cte}`).join('')}
    SELECT unit, ${counts.join(', ')} FROM records ${joins.join(' ')} GROUP BY unit`);
  return reader.getRowObjectsJS().flatMap((row) =>
    rules.map(({ key }, i) => ({ unit: row.unit, rule: key, total: Number(row[`total_${i}`]), failing: Number(row[`failing_${i}`]), warning: Number(row[`warning_${i}`]) })),
  );
}

const results = [];
for (const [entity, file] of [['students', students], ['staff', staff]]) {
  const rules = spec.rules.filter(({ rule }) => rule.entity === entity);
  if (rules.length > 0) results.push(...(await entityCounts(entity, file, rules)));
}
const ms = performance.now() - started;
// Written once timed: the counts are in hand by then, and the file is only for the cross-check.
if (out !== undefined) writeFileSync(out, JSON.stringify(results));
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, counts: results.length })}\n`);
