import type { UnopenableState } from './level-probe.ts';

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
