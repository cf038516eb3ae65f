import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { runLocal, type RunningLocal } from '../../functions/local/run-local.ts';
import { readMailbox } from '../../functions/local/services/mailbox.ts';
import { LOCAL_NAMES } from '../../functions/local/stack/local-names.ts';
import { runCli } from '../cli/run-cli.ts';
import { IDENTITY, STUDENTS_CSV, UNITS_CSV } from './small-province.ts';

async function until<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/* `dondoc start` without the demo: the page, the inbox folder, `dondoc upload --local` and
   `dondoc schedule`, all against the same running stack. */
describe('dondoc start (no demo)', () => {
  let dataDir: string;
  let running: RunningLocal;
  const printed: string[] = [];
  const store = () => new DynamoStateStore(DynamoDBDocumentClient.from(running.stack.dynamodb), LOCAL_NAMES.table);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-start-'));
    running = await runLocal({ dataDir, port: 0, demo: undefined, department: 'SGD', logLevel: 'WARN', clock: false, buildDashboard: false, print: (line) => printed.push(line) });
  });

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints what runs where', () => {
    const out = printed.join('\n');
    expect(out).toContain(`Bảng điều khiển / dashboard   ${running.web.url}`);
    expect(out).toContain(`${running.web.url}/local/sign-in`);
    expect(out).toContain(running.stack.mailboxUrl);
    expect(out).toContain(join(dataDir, 'inbox'));
  });

  it('uploads a file dropped into the inbox folder, then moves it to processed/', async () => {
    await writeFile(join(running.inbox, 'units.csv'), UNITS_CSV);
    const unit = await until(() => store().getUnit('THCS-A1'));
    expect(unit.parentCode).toBe('PGD-A');
    expect(await until(async () => ((await readdir(join(running.inbox, 'processed'))).length > 0 ? true : undefined))).toBe(true);
  });

  it('takes `dondoc upload --local` from another process', async () => {
    const file = join(dataDir, 'students-a1.csv');
    await writeFile(file, STUDENTS_CSV);
    const run = await runCli(['upload', file, '--local', '--data-dir', dataDir, '--unit', 'THCS-A1', '--as-of', '2023-05-25T08:00:00+07:00']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('s3://dondoc-local/snapshots/students/2023-05-25/students-a1.csv');
    const status = await until(async () => (await store().getStatuses('THCS-A1')).find((s) => s.requirement === IDENTITY));
    expect(status).toMatchObject({ total: 2, failing: 1 });
  });

  it('refuses to upload a bad file, with the report, and uploads nothing', async () => {
    const file = join(dataDir, 'students-bad.csv');
    await writeFile(file, 'unit_code,student_code,id_verification\nTHCS-A1,HS9,perhaps\n');
    const run = await runCli(['upload', file, '--local', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dòng\/row 2/);
  });

  it('plays a chosen day’s run from `dondoc schedule` and the reminder reaches the mailbox', async () => {
    const run = await runCli(['schedule', '--as-of', '2023-06-05T08:00:00+07:00', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    const mails = await readMailbox(running.stack.endpoints.ses);
    expect(mails.some((m) => m.destination.to.includes('cb@a1.hp.edu.vn') && m.subject.includes('xác thực'))).toBe(true);
  });

  it('shows the unit’s statuses to its office through the dashboard API, record codes and no names', async () => {
    const signIn = await fetch(`${running.web.url}/local/sign-in`, { method: 'POST', body: new URLSearchParams({ code: 'PGD-A' }), redirect: 'manual' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const unitPage = await (await fetch(`${running.web.url}/api/units/THCS-A1`, { headers: { cookie } })).text();
    expect(unitPage).toContain('Trường THCS An Đồng');
    expect(unitPage).toContain('"due_soon"');
    expect(unitPage).toContain('HS2');
    expect(unitPage).not.toContain('Vũ Thu Hà');
  });

  it('refuses a second start on the same data folder with exit 1 and what to do, and the first keeps serving', async () => {
    const run = await runCli(['start', '--once', '--no-demo', '--port', '0', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the data folder is in use by another "dondoc start": ${join(dataDir, 'state', 'dynamodb')} is locked`);
    expect(run.stderr).toContain('--data-dir');
    expect(run.stderr).not.toContain('    at ');
    expect((await store().getUnit('THCS-A1'))?.unitCode).toBe('THCS-A1');
  });
});

describe('dondoc start on a port already taken', () => {
  it('exits 2 and says which port to change', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-port-'));
    try {
      const run = await runCli(['start', '--once', '--no-demo', '--port', String(port), '--data-dir', dataDir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`port ${port} is in use`);
    } finally {
      taken.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('dondoc start when a service cannot start', () => {
  it('stops what it had started, the web server first of all, and rejects with the reason', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const { port } = free.address() as AddressInfo;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-broken-'));
    /* The services keep their state under state/: a file there stops the stack from starting, after the web server has. */
    await writeFile(join(dataDir, 'state'), 'not a folder');
    try {
      const printed: string[] = [];
      await expect(
        runLocal({ dataDir, port, demo: undefined, department: 'SGD', logLevel: 'WARN', clock: false, buildDashboard: false, print: (line) => printed.push(line) }),
      ).rejects.toMatchObject({ code: 'ENOTDIR' });
      /* The port is free again: nothing is left listening to hold the command open. */
      const again = createServer();
      await new Promise<void>((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => again.close(() => resolve()));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('dondoc start from outside the project folder', () => {
  it('starts its services all the same (the DynamoDB child finds its TypeScript loader by path)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'dondoc-elsewhere-'));
    try {
      const run = await runCli(['start', '--once', '--no-demo', '--port', '0', '--data-dir', join(cwd, 'data')], { cwd });
      expect(run.stderr).toContain('Sẵn sàng / ready');
      expect(run.code).toBe(0);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('dondoc start on a data folder it cannot use', () => {
  it('exits 1 naming the path and what to change, not with a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dondoc-file-'));
    const notAFolder = join(dir, 'data');
    await writeFile(notAFolder, 'a file where the data folder should be');
    try {
      const run = await runCli(['start', '--once', '--no-demo', '--port', '0', '--data-dir', notAFolder]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the data folder cannot be written: ${notAFolder} (EEXIST)`);
      expect(run.stderr).toContain('--data-dir');
      expect(run.stderr).not.toContain('    at ');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 naming its DynamoDB state when that cannot be opened, not with dynalite’s trace', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-state-'));
    const state = join(dataDir, 'state', 'dynamodb');
    await mkdir(join(dataDir, 'state'));
    await writeFile(state, 'a file where the DynamoDB state should be');
    try {
      const run = await runCli(['start', '--once', '--no-demo', '--port', '0', '--data-dir', dataDir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the DynamoDB state cannot be opened: ${state} (EEXIST`);
      expect(run.stderr).toContain('--data-dir');
      expect(run.stderr).not.toContain('    at ');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
