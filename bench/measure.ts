import { spawn } from 'node:child_process';
import { z } from 'zod';

export const Measurement = z.looseObject({ code: z.number(), ms: z.number(), maxRssMb: z.number() });
export type Measurement = z.infer<typeof Measurement>;

/**
 * Runs one measured script in a process of its own (so its peak RSS is its own) and reads the
 * `BENCH {json}` line it prints on stderr. A `.mjs` script runs as plain JavaScript, as the
 * `dondoc` bin does; a `.ts` one through tsx, whose loader then counts in its figures.
 * `env` adds to the environment the script inherits.
 */
export function measure(args: string[], env?: Record<string, string>): Promise<Measurement> {
  const loader = args[0]?.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...loader, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      const line = err.split('\n').find((l) => l.startsWith('BENCH '));
      if (!line) return reject(new Error(`no measurement from ${args.join(' ')}:\n${err.slice(-2000)}`));
      const m = Measurement.parse(JSON.parse(line.slice(6)));
      if (m.code !== 0) return reject(new Error(`${args.join(' ')} exited ${m.code}:\n${err.slice(-2000)}`));
      resolve(m);
    });
  });
}

/** A markdown table, columns padded. */
export function table(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
