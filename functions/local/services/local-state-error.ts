import { z } from 'zod';

/**
 * Why a LevelDB folder cannot be opened: another process holds its lock, or it is not a
 * database one can open there. A schema, as the dynalite child sends it to its parent.
 */
export const UnopenableState = z.object({
  reason: z.enum(['locked', 'unreadable']),
  /** LevelDB's or the file system's code, e.g. LEVEL_LOCKED, EEXIST, LEVEL_CORRUPTION */
  code: z.string(),
  detail: z.string(),
});
export type UnopenableState = z.infer<typeof UnopenableState>;

/** The local DynamoDB state cannot be used: another start holds it, or it is not a database. */
export class LocalStateError extends Error {
  constructor(
    readonly path: string,
    readonly state: UnopenableState,
  ) {
    super(`dynalite cannot open its state at ${path} (${state.code}): ${state.detail}`);
    this.name = 'LocalStateError';
  }
}
