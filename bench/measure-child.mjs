import { Writable } from 'node:stream';
import { cliEntry } from '../bin/cli-bundle.mjs';

/**
 * Runs one dondoc command in this process as the `dondoc` bin runs it (the bundled CLI,
 * no TypeScript loader), with its stdout discarded, then reports wall time and this
 * process's peak RSS as one JSON line on stderr for bench/run.ts to read. Loading the
 * CLI's entry is not timed; its command's own modules are, as they load when it runs.
 */
const { main } = await import(await cliEntry());
const sink = new Writable({ write: (_chunk, _enc, done) => done() });
const started = performance.now();
const code = await main(process.argv, { stdout: sink });
const ms = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
