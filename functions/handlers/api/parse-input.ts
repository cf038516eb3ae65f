import type { z } from 'zod';
import { DondocError } from '../../core/errors.ts';

/**
 * Parses one part of a request (path, query, body) and turns the first problem into an
 * INVALID_ARGUMENT naming the field, so the dashboard can point at it.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? part : issue.path.join('.');
  throw new DondocError('INVALID_ARGUMENT', `Giá trị không hợp lệ: ${field} / Invalid ${field}: ${issue?.message ?? 'unreadable'}`, { field });
}
