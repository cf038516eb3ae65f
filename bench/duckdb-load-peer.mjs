import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The start benchmark's peer: DuckDB, one thread, loading the given CSV files into tables of
 * its own, each cell as text: what it takes just to get the demo's data into a local database.
 */
const files = process.argv.slice(2);
const started = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
let rows = 0;
for (const [i, file] of files.entries()) {
  await conn.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true)`);
  const count = await conn.runAndReadAll(`SELECT count(*) FROM t${i}`);
  rows += Number(count.getRows()[0]?.[0] ?? 0);
}
const ms = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows })}\n`);
