import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './run-cli.ts';

/*
 * The public interface of ../shared/spec/cli-contract.md, exercised through the real
 * executable: output shapes, exit codes (0 ok, 1 bad input, 2 wrong usage), --help everywhere.
 */

const FIXTURES = fileURLToPath(new URL('../fixtures/snapshots/', import.meta.url));
const UNITS = join(FIXTURES, 'units-sample.ndjson');
const STUDENTS = join(FIXTURES, 'students-sample.csv');
const AS_OF = '2023-06-23T11:30:00+07:00';
const IDENTITY = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';

const VN_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const STATUSES = ['compliant', 'compliant_late', 'pending', 'due_soon', 'overdue', 'warning', 'non_compliant', 'no_data', 'not_applicable'] as const;

const DispatchesJson = z.object({
  dispatches: z.array(
    z.object({
      id: z.string(),
      issuer: z.string(),
      number: z.string(),
      date: z.string(),
      title: z.string(),
      requirements: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          entity: z.string(),
          kind: z.string(),
          deadlines: z.array(
            z.object({ at: z.string().regex(VN_INSTANT), levels: z.array(z.string()).optional(), unitKinds: z.array(z.string()).optional() }),
          ),
        }),
      ),
    }),
  ),
});

const CheckJson = z.object({
  asOf: z.string().regex(VN_INSTANT),
  results: z.array(
    z.object({
      unit: z.string(),
      requirement: z.string(),
      status: z.enum(STATUSES),
      deadline: z.string().regex(VN_INSTANT).nullable(),
      total: z.number().int().nonnegative(),
      failing: z.number().int().nonnegative(),
      rate: z.number(),
    }),
  ),
});

const Tally = z.object({ total: z.number(), unverified: z.number(), rate: z.number() });
const IdentityJson = z.object({
  asOf: z.string(),
  total: z.object({ students: Tally, staff: Tally }),
  byLevel: z.array(z.object({ level: z.string(), students: Tally, staff: Tally })),
  units: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), levels: z.array(z.string()), students: Tally, staff: Tally })),
  districts: z.array(z.object({ code: z.string(), name: z.string(), students: Tally, staff: Tally })),
});

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-cli-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.concurrent('--help', () => {
  it.each([[[]], [['dispatches']], [['check']], [['report', 'identity']], [['validate']]])('works on %j with exit 0', async (cmd) => {
    const run = await runCli([...cmd, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: dondoc/);
  });
});

describe.concurrent('dondoc dispatches --json', () => {
  it('prints the catalog with every deadline as a +07:00 instant, seed 001 at 17:00 on 08/06 and 15/06/2023', async () => {
    const run = await runCli(['dispatches', '--json']);
    expect(run.code).toBe(0);
    const { dispatches } = DispatchesJson.parse(JSON.parse(run.stdout));
    expect(dispatches).toHaveLength(5);
    const seed001 = dispatches.find((d) => d.id === 'hp-2023-quy-trinh-ra-soat');
    const students = seed001?.requirements.find((r) => r.id === IDENTITY);
    expect(students?.deadlines).toContainEqual({ at: '2023-06-08T17:00:00+07:00', levels: ['MN', 'TH', 'THCS'] });
    expect(students?.deadlines).toContainEqual({ at: '2023-06-15T17:00:00+07:00', levels: ['THPT', 'GDTX'] });
  });
});

describe.concurrent('dondoc check --json', () => {
  const check = (asOf: string) => runCli(['check', UNITS, STUDENTS, '--as-of', asOf, '--json']);

  it('refuses a --unit or --requirement that is not there as wrong usage, rather than printing nothing', async () => {
    const unit = await runCli(['check', UNITS, STUDENTS, '--as-of', AS_OF, '--json', '--unit', 'THPT001', '--unit', 'THPT01']);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('--unit THPT01: không có trong các tệp đã cho / not in the files given');
    const requirement = await runCli(['check', UNITS, STUDENTS, '--as-of', AS_OF, '--json', '--requirement', 'hoc-sinh-dong-bo-dan-cu']);
    expect(requirement.code).toBe(2);
    expect(requirement.stderr).toContain('not in the catalog');
  });

  it('refuses an --as-of that names no instant as wrong usage, saying why', async () => {
    const past = await check('9999-12-31T23:59:59-12:00');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('outside years 0000–9999');
    const noDay = await check('2023-02-30');
    expect(noDay.code).toBe(2);
    expect(noDay.stderr).toContain('no such day: 2023-02-30');
  });

  it('gives every unit × requirement a contract status, with rate = failing / total × 100', async () => {
    const run = await check(AS_OF);
    expect(run.code).toBe(0);
    const out = CheckJson.parse(JSON.parse(run.stdout));
    expect(out.asOf).toBe(AS_OF);
    expect(out.results.length).toBeGreaterThan(0);
    for (const r of out.results) {
      expect(r.rate).toBe(r.total === 0 ? 0 : Math.round((r.failing / r.total) * 10_000) / 100);
    }
    expect(out.results.find((r) => r.unit === 'THPT001' && r.requirement === IDENTITY)).toMatchObject({
      status: 'overdue',
      deadline: '2023-06-15T17:00:00+07:00',
      total: 2,
      failing: 1,
      rate: 50,
    });
  });

  it('turns overdue exactly at 17:00:00 +07:00 on the deadline day, not a second before', async () => {
    const [before, at] = await Promise.all([check('2023-06-15T16:59:59+07:00'), check('2023-06-15T10:00:00Z')]);
    const statusOf = (stdout: string) => CheckJson.parse(JSON.parse(stdout)).results.find((r) => r.unit === 'THPT001' && r.requirement === IDENTITY)?.status;
    expect(statusOf(before.stdout)).toBe('due_soon');
    expect(statusOf(at.stdout)).toBe('overdue');
  });

  it('reads the entity from a path segment when the file name says nothing', async () => {
    const dir = join(work, 'students');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'export-2023-06-23.csv');
    await writeFile(file, await readFile(STUDENTS));
    const run = await runCli(['check', UNITS, file, '--as-of', AS_OF, '--json', '--unit', 'THPT001', '--requirement', IDENTITY]);
    expect(run.code).toBe(0);
    expect(CheckJson.parse(JSON.parse(run.stdout)).results).toEqual([expect.objectContaining({ failing: 1, total: 2 })]);
  });

  it('lists the failing record codes with --codes, and only then, every figure the same either way', async () => {
    // Explanations are read for the rule that every unverified record be explained.
    const explanations = join(work, 'explanations.csv');
    await writeFile(explanations, 'unit_code,entity,record_code,cause,remedy,expected_date\nTHPT001,students,HS002,Chưa có CCCD,Bổ sung,2023-07-01\n');
    const files = [UNITS, STUDENTS, explanations, '--as-of', AS_OF, '--json'];
    const [plain, listed] = await Promise.all([runCli(['check', ...files]), runCli(['check', ...files, '--codes'])]);
    const without: Array<Record<string, unknown>> = JSON.parse(plain.stdout).results;
    const withCodes: Array<Record<string, unknown>> = JSON.parse(listed.stdout).results;
    expect(without.some((r) => 'failingCodes' in r)).toBe(false);
    expect(withCodes.map(({ failingCodes: _, ...r }) => r)).toEqual(without);
    expect(withCodes.find((r) => r.unit === 'THPT001' && r.requirement === IDENTITY)?.failingCodes).toEqual(['HS002']);
  });

  it('exits 1 on a file that breaks the contract, naming row, column and value on stderr', async () => {
    const bad = join(work, 'students-bad.csv');
    await writeFile(bad, 'unit_code,student_code,id_verification\nTHPT001,HS1,verified\nTHPT001,HS2,maybe\n');
    const run = await runCli(['check', UNITS, bad, '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/dòng\/row 3/);
    expect(run.stderr).toMatch(/id_verification/);
    expect(run.stderr).toMatch(/"maybe"/);
  });

  it('exits 1 when a file does not exist', async () => {
    const run = await runCli(['check', join(work, 'nowhere.csv'), '--as-of', AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nowhere\.csv/);
  });

  it.each([
    [['check', STUDENTS, '--as-of', '23/06/2023 25:00']],
    [['check', STUDENTS, '--as-of', '2023-02-30T10:00+07:00']],
    [['check', STUDENTS, '--no-such-option']],
    [['check']],
    [['report', 'identity', STUDENTS, '--format', 'pdf']],
  ])('exits 2 on wrong usage: %j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
  });
});

describe.concurrent('dondoc report identity', () => {
  it('prints the appendix statistics as JSON', async () => {
    const run = await runCli(['report', 'identity', UNITS, STUDENTS, '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(0);
    const report = IdentityJson.parse(JSON.parse(run.stdout));
    expect(report.total.students).toEqual({ total: 2, unverified: 1, rate: 50 });
    expect(report.units.find((u) => u.code === 'THPT001')?.students).toEqual({ total: 2, unverified: 1, rate: 50 });
  });

  it('prints Phụ lục 1–4 as terminal tables with the as-of written the Vietnamese way', async () => {
    const run = await runCli(['report', 'identity', UNITS, STUDENTS, '--as-of', AS_OF, '--format', 'table']);
    expect(run.code).toBe(0);
    for (const n of [1, 2, 3, 4]) expect(run.stdout).toContain(`PHỤ LỤC ${n}`);
    expect(run.stdout).toContain('11h30 ngày 23/6/2023');
    expect(run.stdout).toMatch(/Trường THPT Ngô Quyền\s+2\s+1\s+50\.00/);
  });

  it('writes an xlsx workbook with --format xlsx --out', async () => {
    const out = join(work, 'phu-luc.xlsx');
    const run = await runCli(['report', 'identity', UNITS, STUDENTS, '--as-of', AS_OF, '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(0);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reads no rule, yet refuses a broken --dispatches catalog as every command does', async () => {
    const broken = join(work, 'broken-catalog');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'cv.yaml'), 'id: [\n');
    const run = await runCli(['report', 'identity', UNITS, STUDENTS, '--as-of', AS_OF, '--json', '--dispatches', broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('INVALID_CATALOG');
    expect(run.stdout).toBe('');
  });
});

describe.concurrent('dondoc validate', () => {
  it('exits 0 and says the file is valid', async () => {
    const run = await runCli(['validate', STUDENTS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/HỢP LỆ \/ VALID/);
  });

  it('exits 1 with the report of every problem, the national ID masked', async () => {
    const bad = join(work, 'students-bad-id.csv');
    await writeFile(bad, 'unit_code,student_code,national_id,id_verification\nTHPT001,HS1,031208000001,verified\nTHPT001,HS2,0312080000,verified\n');
    const run = await runCli(['validate', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dòng\/row 3/);
    expect(run.stderr).toMatch(/national_id/);
    expect(run.stderr).not.toContain('0312080000');
  });
});
