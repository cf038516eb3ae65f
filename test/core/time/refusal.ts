import { parseInstant } from '../../../functions/core/time.ts';

/** What `f` throws; undefined when it returns. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}

/** What parseInstant throws for `text`; undefined when it reads it. */
export const refusal = (text: string): unknown => thrown(() => parseInstant(text));
