import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The peer: DuckDB, one thread, selecting from the same results (written as CSV by
 * plan-child.ts) what the plan is made of — the units behind whose deadline day is 0 to 7
 * days ahead (reminders), and the (supervisor, requirement) groups of overdue units
 * (escalations). It neither addresses nor renders anything: a floor, not an equal.
 */
const [csv] = process.argv.slice(2);
const started = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
const reader = await conn.runAndReadAll(`
  WITH r AS (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true))
  SELECT
    (SELECT count(*) FROM r WHERE status IN ('pending', 'due_soon') AND deadline_day <> ''
       AND date_diff('day', DATE '2023-06-12', CAST(deadline_day AS DATE)) BETWEEN 0 AND 7) AS reminders,
    (SELECT count(*) FROM (SELECT DISTINCT parent, requirement FROM r WHERE status = 'overdue')) AS escalations`);
const ms = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: reader.getRowObjectsJson() })}\n`);
