import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runLocal } from '../../functions/local/run-local.ts';
import { runCli } from '../cli/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/dondoc.mjs', import.meta.url));

interface Started {
  pid: number;
  output: () => string;
  /** the exit code, once the command has ended */
  exited: Promise<number | null>;
}

/* The real executable, watched as it runs: these tests act on it before it ends. */
function startCli(args: readonly string[]): Started {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { pid: child.pid ?? -1, output: () => output, exited };
}

async function printed(started: Started, text: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" not printed in ${ms} ms:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/* Polls until `probe` gives a value; fails after 10 s. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not so within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/* dynalite runs in a child process of the command's own: the one that runs dynalite-process.ts. */
async function childrenOf(parent: number): Promise<string[]> {
  /* ps exits 1 when the process has no children. */
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=,args=', '--ppid', String(parent)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

async function dynaliteOf(parent: number): Promise<number> {
  const line = (await childrenOf(parent)).find((l) => l.includes('dynalite-process'));
  if (line === undefined) throw new Error(`no dynalite child under ${parent}`);
  return Number(line.trim().split(/\s+/)[0]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/* Each test's data folder, removed after it. */
let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('dondoc start stopped by Ctrl-C before it is ready', () => {
  it('stops its services, says the next start takes up from there, and exits 130', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-ctrl-c-'));
    const started = startCli(['start', '--once', '--scale', '0.05', '--port', '0', '--data-dir', dataDir]);
    await printed(started, 'uploading students-stale.csv');
    const dynalite = await dynaliteOf(started.pid);
    process.kill(started.pid, 'SIGINT');
    expect(await withinMs(started.exited, 15_000)).toBe(130);
    expect(started.output()).toContain('Đang dừng / stopping…');
    expect(started.output()).toContain('dondoc: [INTERRUPTED]');
    expect(started.output()).toContain('the next start takes up where this one stopped');
    expect(started.output()).not.toContain('ready in');
    expect(isRunning(dynalite)).toBe(false);
  });
});

describe('runLocal stopped while its services start', () => {
  it('rejects as interrupted and stops the services it was still starting, instead of going on to be ready', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-aborted-'));
    const printed: string[] = [];
    const stop = new AbortController();
    const started = runLocal({ dataDir, port: 0, demo: undefined, department: 'SGD', logLevel: 'WARN', clock: false, buildDashboard: false, signal: stop.signal, print: (line) => printed.push(line) });
    const interrupted = expect(started).rejects.toMatchObject({ code: 'INTERRUPTED' });
    /* Ctrl-C while dynalite's process is starting: the start gives up at once, and what it was starting stops once started. */
    const dynalite = await eventually(() => dynaliteOf(process.pid));
    stop.abort();
    await interrupted;
    await eventually(async () => (isRunning(dynalite) ? undefined : true));
    expect(printed.join('\n')).not.toContain('ready in');
  });
});

describe('dondoc start when dynalite dies under it', () => {
  it('while running: stops the rest and exits 1 saying what stopped and where its state is, not with a trace', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-lost-'));
    const started = startCli(['start', '--no-demo', '--port', '0', '--data-dir', dataDir]);
    await printed(started, 'Ctrl-C');
    process.kill(await dynaliteOf(started.pid), 'SIGKILL');
    expect(await withinMs(started.exited, 15_000)).toBe(1);
    expect(started.output()).toContain('dondoc: [LOCAL_SERVICE] dynalite (DynamoDB) đã dừng ngoài dự kiến / stopped unexpectedly (SIGKILL)');
    expect(started.output()).toContain(join(dataDir, 'state', 'dynamodb'));
    expect(started.output()).not.toContain('    at ');
  });

  it('while loading the demo: ends the start the same way, and the next start takes up where it stopped', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-lost-demo-'));
    const args = ['start', '--once', '--scale', '0.05', '--port', '0', '--data-dir', dataDir];
    const started = startCli(args);
    await printed(started, 'uploading students-stale.csv');
    process.kill(await dynaliteOf(started.pid), 'SIGKILL');
    expect(await withinMs(started.exited, 15_000)).toBe(1);
    expect(started.output()).toContain('[LOCAL_SERVICE]');
    expect(started.output()).not.toContain('    at ');

    const again = await runCli(args);
    expect(again.code).toBe(0);
    /* The registry was recorded before the loss: it is not uploaded again. */
    expect(again.stderr).not.toContain('uploading units.csv');
    expect(again.stderr).toContain('uploading explanations.csv');
    expect(again.stderr).toContain('ready in');
  });
});
