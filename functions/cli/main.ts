import { Command, CommanderError, Option } from 'commander';
import { DondocError } from '../core/errors.ts';
import { ENTITY_KINDS } from '../core/snapshot/entities.ts';
import { processContext, type CliContext } from './context.ts';
import { systemFailure } from './system-error.ts';
import { BadInputError, UsageError } from './usage-error.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function evaluating(cmd: Command): Command {
  return cmd
    .option('--as-of <instant>', 'thời điểm đánh giá, ISO 8601 / evaluation instant (default: now)')
    .option('--dispatches <dir>', 'thư mục danh mục công văn / catalog folder (default: the shipped catalog)')
    .addOption(new Option('--entity <entity>', 'loại dữ liệu của mọi tệp / entity of every file').choices(ENTITY_KINDS));
}

/** Each command's modules are imported when it runs: every command would otherwise pay for loading all of them. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('dondoc')
    .description('dondoc — đôn đốc cập nhật CSDL ngành / compliance tracking for the education sector database')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .showHelpAfterError();

  program
    .command('dispatches')
    .description('danh mục công văn và yêu cầu / the dispatch catalog')
    .option('--json', 'JSON output')
    .option('--dispatches <dir>', 'catalog folder')
    .action(async (opts) => (await import('./commands/dispatches.ts')).dispatchesCommand(ctx, opts));

  evaluating(program.command('check').argument('<files...>'))
    .description('đánh giá mức độ tuân thủ từng đơn vị / evaluate every unit against every requirement')
    .option('--json', 'JSON output')
    .option('--codes', 'liệt kê mã hồ sơ chưa đạt của từng kết quả / list each result’s failing record codes (failingCodes)')
    .option('--unit <code>', 'chỉ đơn vị này (lặp lại được) / only this unit (repeatable)', collect)
    .option('--requirement <id>', 'chỉ yêu cầu hoặc công văn này / only this requirement or dispatch (repeatable)', collect)
    .action(async (files: string[], opts) => (await import('./commands/check.ts')).checkCommand(ctx, files, opts));

  const report = program.command('report').description('báo cáo thống kê / statistical reports');
  evaluating(report.command('identity').argument('<files...>'))
    .description('thống kê xác thực định danh (Phụ lục 1–4) / identity-verification statistics (seed 004 appendices)')
    .option('--json', 'JSON output')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table', 'xlsx']))
    .option('--out <file>', 'output file for --format xlsx')
    .action(async (files: string[], opts) => (await import('./commands/report-identity.ts')).reportIdentityCommand(ctx, files, opts));

  evaluating(program.command('notify').argument('<files...>'))
    .description('thư nhắc việc, báo quá hạn, tổng hợp tuần mà lần chạy lúc --as-of sẽ gửi / what the daily run would send')
    .option('--dry-run', 'chỉ liệt kê, không gửi (bắt buộc: CLI không gửi email) / list without sending (required)')
    .option('--json', 'JSON output')
    .option('--department <code>', 'mã đơn vị của Sở / the department unit code (default: the one department among the units)')
    .option('--include-missed', 'coi như chưa gửi mốc nào của các ngày trước / treat earlier stages as never sent')
    .action(async (files: string[], opts) => (await import('./commands/notify.ts')).notifyCommand(ctx, files, opts));

  program
    .command('upload')
    .argument('<file>')
    .description('kiểm tra rồi tải một tệp lên kho snapshot / validate, then upload a snapshot')
    .option('--bucket <name>', 'bucket S3 trên AWS / the S3 bucket on AWS')
    .option('--local', 'tải lên hệ thống chạy cục bộ (npm start) / upload to the running local stack')
    .option('--as-of <instant>', 'thời điểm của dữ liệu / the snapshot as-of (default: now)')
    .option('--unit <code>', 'đơn vị tải lên / the uploading unit')
    .option('--data-dir <dir>', 'thư mục của npm start / the local stack folder', '.dondoc')
    .addOption(new Option('--entity <entity>', 'entity of the file').choices(ENTITY_KINDS))
    .action(async (file: string, opts) => (await import('./commands/upload.ts')).uploadCommand(ctx, file, opts));

  program
    .command('start')
    .description('chạy toàn bộ hệ thống trên máy này với dữ liệu mẫu / the whole pipeline on this machine with demo data')
    .option('--data-dir <dir>', 'thư mục dữ liệu / data folder', '.dondoc')
    .option('--port <port>', 'cổng bảng điều khiển / dashboard port (0: any free port)', '8080')
    .option('--as-of <instant>', 'chạy lịch của thời điểm này sau khi khởi động / play the scheduled runs of this moment (default: 2023-06-26T08:00+07:00 when the demo is first loaded)')
    .option('--no-demo', 'không nạp dữ liệu mẫu / no demo data')
    .option('--scale <n>', 'quy mô dữ liệu mẫu / demo size (1 = Hải Phòng)', '1')
    .option('--seed <n>', 'hạt giống dữ liệu mẫu / demo seed', '2023')
    .option('--department <code>', 'mã đơn vị của Sở / the department unit code')
    .option('--verbose', 'ghi log của các hàm / handler logs')
    .option('--once', 'khởi động, nạp, chạy lịch rồi dừng / start, load, run, print, stop')
    .action(async (opts) => (await import('./commands/start.ts')).startCommand(ctx, opts));

  program
    .command('schedule')
    .description('chạy lịch đôn đốc của một thời điểm trên hệ thống cục bộ / play a scheduled run on the local stack (time travel)')
    .option('--as-of <instant>', 'thời điểm / the moment (default: now)')
    .option('--digest', 'bản tin tuần thay vì lần chạy hằng ngày / the weekly digest instead of the daily run')
    .option('--data-dir <dir>', 'thư mục của npm start / the local stack folder', '.dondoc')
    .action(async (opts) => (await import('./commands/schedule.ts')).scheduleCommand(ctx, opts));

  program
    .command('validate')
    .argument('<file>')
    .description('kiểm tra một tệp theo định dạng snapshot / check a file against the snapshot contract')
    .addOption(new Option('--entity <entity>', 'entity of the file').choices(ENTITY_KINDS))
    .option('--json', 'JSON output')
    .action(async (file: string, opts) => (await import('./commands/validate.ts')).validateCommand(ctx, file, opts));

  return program;
}

/**
 * Runs the CLI and returns the exit code of the contract: 0 ok, 1 bad input, 2 wrong usage.
 * Whatever of the context is not given is the process's own.
 */
export async function main(argv: readonly string[], given: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = { ...processContext(), ...given };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    return exitCodeFor(err, ctx);
  }
}

function exitCodeFor(err: unknown, ctx: CliContext): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
  }
  if (err instanceof UsageError) {
    ctx.stderr.write(`dondoc: ${err.message}\n`);
    return 2;
  }
  if (err instanceof BadInputError) {
    ctx.stderr.write(`dondoc: ${err.message}\n`);
    return 1;
  }
  if (err instanceof DondocError) {
    ctx.stderr.write(`dondoc: [${err.code}] ${err.message}\n`);
    return exitCodeOf(err);
  }
  /* A file or a connection the system refused that no command foresaw (a catalog file not ours to read): the person's to fix, so said, not traced. */
  const failure = systemFailure(err);
  if (failure !== undefined) {
    const where = failure.path === undefined ? 'Lỗi hệ thống / system error' : `Không truy cập được / cannot access ${failure.path}`;
    ctx.stderr.write(`dondoc: [${failure.code}] ${where}: ${failure.reason}\n`);
    return 1;
  }
  throw err;
}

/* Stopped by Ctrl-C: the shell's code for a command ended by SIGINT, so a script tells it from a failure. */
const INTERRUPTED_EXIT_CODE = 130;

function exitCodeOf(err: DondocError): number {
  if (err.code === 'INVALID_ARGUMENT') return 2;
  return err.code === 'INTERRUPTED' ? INTERRUPTED_EXIT_CODE : 1;
}
