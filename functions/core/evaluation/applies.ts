import type { Status } from './types.ts';

/** Whether a result, or a stored status, is of a requirement that applies to its unit. */
export function applies(judged: { status: Status }): boolean {
  return judged.status !== 'not_applicable';
}
