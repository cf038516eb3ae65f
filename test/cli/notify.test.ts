import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './run-cli.ts';
import { runMain } from './run-main.ts';

/*
 * `dondoc notify --dry-run` per cli-contract.md: what the 08:00 run at --as-of would send, as
 * JSON or text, exit 0 / 1 (bad input) / 2 (wrong usage, including a run without --dry-run).
 */

const DISPATCH = `
id: thu-nghiem
issuer: Sở GDĐT Hải Phòng
number: "1329/SGDĐT-GDTX&ĐH"
date: "18/5/2023"
title: Hướng dẫn rà soát dữ liệu học sinh
requirements:
  - id: hoc-sinh-dinh-danh
    title: 100% học sinh được xác thực định danh
    source: "§2.3"
    rule: { kind: identity_verification, entity: students }
    deadlines:
      - at: đến hết 17h00 ngày 08/6/2023
`;

const UNITS = [
  'Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Mã đơn vị quản lý,Email thủ trưởng,Email cán bộ phụ trách',
  'SGD,Sở GDĐT Hải Phòng,Sở,,,giamdoc@hp.edu.vn,csdl@hp.edu.vn',
  'PGD-NQ,Phòng GDĐT Ngô Quyền,Phòng GDĐT,,SGD,tp.nq@hp.edu.vn,',
  'THCS01,Trường THCS Lê Lợi,Trường,THCS,PGD-NQ,ht.01@hp.edu.vn,cb.01@hp.edu.vn',
  'THCS02,Trường THCS Chu Văn An,Trường,THCS,PGD-NQ,,',
  'THCS03,Trường THCS Đà Nẵng,Trường,THCS,PGD-NQ,ht.03@hp.edu.vn,cb.03@hp.edu.vn',
].join('\n');

const STUDENTS = [
  'Mã trường,Mã học sinh,Họ và tên,Cấp học,Lớp,Số định danh cá nhân,Trạng thái xác thực',
  'THCS01,HS001,Nguyễn Văn An,THCS,6A1,031208000001,Chưa xác thực',
  'THCS02,HS001,Trần Thị Bình,THCS,6A1,031208000002,Chưa xác thực',
  'THCS03,HS001,Lê Văn Cường,THCS,6A1,031208000003,Đã xác thực',
].join('\n');

const Output = z.object({
  asOf: z.string(),
  messages: z.array(
    z.object({
      kind: z.enum(['reminder', 'escalation', 'digest']),
      stage: z.string(),
      unit: z.string(),
      requirement: z.string(),
      to: z.array(z.string()),
      cc: z.array(z.string()),
      subject: z.string(),
    }),
  ),
});

let dir: string;
let units: string;
let students: string;
let catalogDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-notify-'));
  catalogDir = join(dir, 'dispatches');
  await mkdir(catalogDir);
  await writeFile(join(catalogDir, '001-thu-nghiem.yaml'), DISPATCH);
  units = join(dir, 'units.csv');
  students = join(dir, 'students.csv');
  await writeFile(units, UNITS);
  await writeFile(students, STUDENTS);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function notify(...args: string[]) {
  return runMain(['notify', ...args]);
}

async function dryRun(asOf: string, ...extra: string[]) {
  const r = await notify('--dry-run', units, students, '--json', '--as-of', asOf, '--dispatches', catalogDir, ...extra);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return Output.parse(JSON.parse(r.stdout));
}

describe('dondoc notify --dry-run', () => {
  it('lists the reminders of T−7 to each unit still behind, its officer and head', async () => {
    const out = await dryRun('2023-06-01T08:00:00+07:00');
    expect(out.asOf).toBe('2023-06-01T08:00:00+07:00');
    expect(out.messages.map(({ kind, stage, unit, requirement, to, cc }) => ({ kind, stage, unit, requirement, to, cc }))).toEqual([
      { kind: 'reminder', stage: 'reminder-7', unit: 'THCS01', requirement: 'thu-nghiem/hoc-sinh-dinh-danh', to: ['cb.01@hp.edu.vn', 'ht.01@hp.edu.vn'], cc: [] },
      // THCS02 has no address: its reminder goes to its district office (which has only a head's)
      { kind: 'reminder', stage: 'reminder-7', unit: 'THCS02', requirement: 'thu-nghiem/hoc-sinh-dinh-danh', to: ['tp.nq@hp.edu.vn'], cc: [] },
    ]);
    expect(out.messages[0]?.subject).toContain('hạn trước 17h00 ngày 08/6/2023');
  });

  it('reports the missing addresses it found', async () => {
    const r = await notify('--dry-run', units, students, '--json', '--as-of', '2023-06-01T08:00:00+07:00', '--dispatches', catalogDir);
    expect(JSON.parse(r.stdout).findings).toEqual([
      { kind: 'missing_email', unit: 'THCS02', field: 'officer_email' },
      { kind: 'missing_email', unit: 'THCS02', field: 'head_email' },
      { kind: 'missing_email', unit: 'PGD-NQ', field: 'officer_email' },
    ]);
  });

  it('lists nothing on a day with no stage (earlier stages are taken as sent by their own runs)', async () => {
    expect((await dryRun('2023-06-02T08:00:00+07:00')).messages).toEqual([]);
    expect((await dryRun('2023-06-02T08:00:00+07:00', '--include-missed')).messages.map((m) => m.stage)).toEqual(['reminder-7', 'reminder-7']);
  });

  it("escalates to the district office's head in one message for all its overdue schools", async () => {
    const out = await dryRun('2023-06-09T08:00:00+07:00');
    expect(out.messages).toHaveLength(1);
    expect(out.messages[0]).toMatchObject({ kind: 'escalation', stage: 'escalation-1', unit: 'PGD-NQ', to: ['tp.nq@hp.edu.vn'] });
    const raw = await notify('--dry-run', units, students, '--json', '--as-of', '2023-06-09T08:00:00+07:00', '--dispatches', catalogDir);
    expect(JSON.parse(raw.stdout).messages[0].units).toEqual(['THCS01', 'THCS02']);
  });

  it("tells the department's head three days later, with the Monday digest", async () => {
    const out = await dryRun('2023-06-12T08:00:00+07:00');
    expect(out.messages.map((m) => [m.kind, m.stage, m.unit, m.to])).toEqual([
      ['escalation', 'escalation-2', 'SGD', ['giamdoc@hp.edu.vn']],
      ['digest', 'digest-2023-06-12', 'SGD', ['giamdoc@hp.edu.vn', 'csdl@hp.edu.vn']],
    ]);
  });

  it('prints a readable plan without --json', async () => {
    const r = await notify('--dry-run', units, students, '--as-of', '2023-06-09T08:00:00+07:00', '--dispatches', catalogDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('escalation-1\tPGD-NQ\tthu-nghiem/hoc-sinh-dinh-danh\t→ tp.nq@hp.edu.vn');
    expect(r.stdout).toContain('[Quá hạn] 2 đơn vị chưa hoàn thành');
    const reminders = await notify('--dry-run', units, students, '--as-of', '2023-06-01T08:00:00+07:00', '--dispatches', catalogDir);
    expect(reminders.stdout).toContain('reminder-7\tTHCS02\tthu-nghiem/hoc-sinh-dinh-danh\t→ tp.nq@hp.edu.vn');
    expect(reminders.stdout).toContain('THCS02: thiếu head_email');
  });

  it('takes the department from --department when the units file has none', async () => {
    const noDepartment = join(dir, 'units-no-so.csv');
    await writeFile(noDepartment, UNITS.split('\n').filter((l) => !l.startsWith('SGD,')).join('\n'));
    const without = await notify('--dry-run', noDepartment, students, '--json', '--as-of', '2023-06-01T08:00:00+07:00', '--dispatches', catalogDir);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--department');
    const withIt = await notify('--dry-run', noDepartment, students, '--json', '--as-of', '2023-06-01T08:00:00+07:00', '--dispatches', catalogDir, '--department', 'SGD');
    expect(withIt.code).toBe(0);
  });
});

describe('dondoc notify exit codes', () => {
  it('refuses to run without --dry-run: the CLI has nothing to send with (2)', async () => {
    const r = await notify(units, students, '--as-of', '2023-06-01T08:00:00+07:00', '--dispatches', catalogDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dry-run');
    expect(r.stdout).toBe('');
  });

  it('is wrong usage without files or with a bad --as-of (2)', async () => {
    expect((await notify('--dry-run')).code).toBe(2);
    expect((await notify('--dry-run', units, '--as-of', 'hôm qua', '--dispatches', catalogDir)).code).toBe(2);
  });

  it('is bad input for a missing or invalid file (1)', async () => {
    expect((await notify('--dry-run', join(dir, 'khong-co.csv'), '--dispatches', catalogDir)).code).toBe(1);
    const bad = join(dir, 'students-bad.csv');
    await writeFile(bad, 'Mã trường,Mã học sinh,Trạng thái xác thực\nTHCS01,,Có lẽ\n');
    const r = await notify('--dry-run', units, bad, '--dispatches', catalogDir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toBe('');
  });

  it('runs as the real executable', async () => {
    const ok = await runCli(['notify', '--dry-run', units, students, '--json', '--as-of', '2023-06-08T08:00:00+07:00', '--dispatches', catalogDir]);
    expect(ok.code).toBe(0);
    expect(Output.parse(JSON.parse(ok.stdout)).messages.map((m) => m.stage)).toEqual(['reminder-0', 'reminder-0']);
    const usage = await runCli(['notify', units, '--dispatches', catalogDir]);
    expect(usage.code).toBe(2);
    expect((await runCli(['notify', '--help'])).code).toBe(0);
  });
});

describe('dondoc notify --department', () => {
  const at = () => ['--json', '--as-of', '2023-06-12T08:00:00+07:00', '--dispatches', catalogDir];

  it.each(['NOPE', 'THCS01'])('is wrong usage (2) for %s, not a department of the units, naming the ones there', async (code) => {
    const r = await notify('--dry-run', units, students, ...at(), '--department', code);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--department ${code}: không phải Sở trong danh sách đơn vị / not a department among the units`);
    expect(r.stderr).toContain('the departments there: SGD');
    expect(r.stdout).toBe('');
  });

  it('is wrong usage (2) when the files list no unit at all, and says so', async () => {
    const r = await notify('--dry-run', students, ...at(), '--department', 'SGD');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is none');
  });

  it("names the units' department as --department would find it", async () => {
    const r = await notify('--dry-run', units, students, ...at(), '--department', 'SGD');
    expect(r.code).toBe(0);
    expect(Output.parse(JSON.parse(r.stdout)).messages.map((m) => m.unit)).toEqual(['SGD', 'SGD']);
  });
});
