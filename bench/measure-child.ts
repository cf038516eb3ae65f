import { Writable } from 'node:stream';
import { main } from '../functions/cli/main.ts';
import { processContext } from '../functions/cli/context.ts';

/**
 * Runs one dondoc command in this process with its stdout discarded, then reports wall time
 * and this process's peak RSS as one JSON line on stderr for bench/run.ts to read.
 */
const sink = new Writable({ write: (_chunk, _enc, done) => done() });
const started = performance.now();
const code = await main(process.argv, { ...processContext(), stdout: sink });
const ms = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
