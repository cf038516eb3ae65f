/** Wrong usage of the command line: exit code 2 per the CLI contract. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Bad input files: exit code 1 per the CLI contract; the report is already on stderr. */
export class BadInputError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}
