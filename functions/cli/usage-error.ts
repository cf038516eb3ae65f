import type { z } from 'zod';

/** Wrong usage of the command line: exit code 2 per the CLI contract. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Wrong option values as zod found them, each under its name as typed (--data-dir, not dataDir). */
export function invalidOptions(error: z.ZodError): UsageError {
  const each = error.issues.map((i) => `--${String(i.path[0] ?? '?').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
  return new UsageError(`Tùy chọn không hợp lệ / invalid option: ${each.join('; ')}`);
}

/** Bad input files: exit code 1 per the CLI contract; the report is already on stderr. */
export class BadInputError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}
