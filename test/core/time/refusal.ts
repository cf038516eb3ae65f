import { parseInstant } from '../../../functions/core/time.ts';

/** What parseInstant throws for `text`; undefined when it reads it. */
export function refusal(text: string): unknown {
  try {
    parseInstant(text);
  } catch (err) {
    return err;
  }
  return undefined;
}
