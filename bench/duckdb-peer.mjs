import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The peer: DuckDB, one thread, computing the same per-unit × level active / unverified
 * counts from the same CSV files as `dondoc report identity`. Plain JavaScript, like the
 * measured `dondoc`, so neither carries a TypeScript loader.
 */
const [students, staff] = process.argv.slice(2);
const started = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
const verified = `lower(id_verification) IN ('verified', 'đã xác thực')`;
const countsOf = (file, active) => `
  SELECT unit_code, level, count(*) AS total, count(*) FILTER (WHERE NOT ${verified}) AS unverified
  FROM read_csv('${file}', header = true, all_varchar = true)
  WHERE status IS NULL OR lower(status) IN (${active})
  GROUP BY unit_code, level`;
const s = await conn.runAndReadAll(countsOf(students, `'studying', 'repeating', 'đang học', 'lưu ban'`));
const t = await conn.runAndReadAll(countsOf(staff, `'working', 'đang làm việc'`));
const ms = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, groups: s.currentRowCount + t.currentRowCount })}\n`);
