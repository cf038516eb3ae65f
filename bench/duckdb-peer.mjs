import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The peer of `dondoc report identity`: DuckDB, one thread, computing the same per-unit ×
 * level active / unverified counts from the same CSV files. Plain JavaScript, like the
 * measured `dondoc`, so neither carries a TypeScript loader. The labels that make a record
 * active or verified come from the spec bench/run.ts writes from the snapshot contract, so
 * both peers read the spellings dondoc accepts (compared lower-cased, as duckdb-check-peer.mjs
 * explains).
 *
 * Usage: duckdb-peer.mjs <spec.json> <students.csv> <staff.csv> [counts.json]
 */
const [specFile, students, staff, out] = process.argv.slice(2);
const started = performance.now();
const { labels } = JSON.parse(readFileSync(specFile, 'utf8'));
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
const list = (texts) => texts.map((t) => `'${t.replaceAll("'", "''")}'`).join(', ');
const verified = `lower(id_verification) IN (${list(labels.verified)})`;
const countsOf = (file, active) => `
  SELECT unit_code, level, count(*) AS total, count(*) FILTER (WHERE NOT ${verified}) AS unverified
  FROM read_csv('${file}', header = true, all_varchar = true)
  WHERE status IS NULL OR lower(status) IN (${list(active)})
  GROUP BY unit_code, level`;
const s = await conn.runAndReadAll(countsOf(students, labels.active.students));
const t = await conn.runAndReadAll(countsOf(staff, labels.active.staff));
const ms = performance.now() - started;
// Written once timed, for the cross-check only; a level is written as the contract names it.
if (out !== undefined) {
  const rows = (entity, reader) =>
    reader.getRowObjectsJS().map((r) => ({ unit: r.unit_code, entity, level: r.level === null ? null : (labels.levels[r.level.toLowerCase()] ?? r.level), total: Number(r.total), unverified: Number(r.unverified) }));
  writeFileSync(out, JSON.stringify([...rows('students', s), ...rows('staff', t)]));
}
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, groups: s.currentRowCount + t.currentRowCount })}\n`);
