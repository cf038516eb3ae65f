import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { cliEntry } from '../bin/cli-bundle.mjs';

/**
 * Runs one dondoc command in this process as the `dondoc` bin runs it (the bundled CLI,
 * no TypeScript loader), with its stdout discarded, then reports wall time and this
 * process's peak RSS as one JSON line on stderr for bench/run.ts to read. Loading the
 * CLI's entry is not timed; its command's own modules are, as they load when it runs.
 * With BENCH_STDOUT set, stdout goes to that file instead, for bench/run.ts to compare with
 * its peer's counts: a run it does not time, as writing the file is not the command's work.
 */
const { main } = await import(await cliEntry());
const file = process.env.BENCH_STDOUT;
const out = file ? createWriteStream(file) : new Writable({ write: (_chunk, _enc, done) => done() });
const started = performance.now();
const code = await main(process.argv, { stdout: out });
const ms = performance.now() - started;
if (file) {
  if (!out.writableEnded) out.end();
  await finished(out);
}
process.stderr.write(`\nBENCH ${JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
