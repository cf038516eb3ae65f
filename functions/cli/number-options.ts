import { z } from 'zod';

/*
 * Numbers as typed on a command line, in decimal digits only. z.coerce.number read '' and
 * '  ' as 0 (so `--port ''` started the stack on any free port), and took '1e3', '0x10' or
 * '-0' for numbers nobody meant to give.
 */

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** A whole number from `min` to `max`, written in digits. */
export function wholeNumberOption(min: number, max: number) {
  return z
    .string()
    .refine((text) => WHOLE.test(text) && Number(text) >= min && Number(text) <= max, {
      error: (issue) => `"${String(issue.input)}": phải là số nguyên từ ${min} đến ${max} / must be a whole number from ${min} to ${max}`,
    })
    .transform(Number);
}

/** A number above 0 and at most `max`, written in digits with an optional decimal point (0.05). */
export function positiveDecimalOption(max: number) {
  return z
    .string()
    .refine((text) => DECIMAL.test(text) && Number(text) > 0 && Number(text) <= max, {
      error: (issue) => `"${String(issue.input)}": phải là số lớn hơn 0, tối đa ${max} (vd. 0.05) / must be a number above 0, at most ${max} (e.g. 0.05)`,
    })
    .transform(Number);
}
