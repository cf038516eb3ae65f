import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { PartResult } from '../../core/pipeline/part-result.ts';
import type { RunRef } from '../../core/pipeline/plan-task.ts';
import type { RunState } from '../../core/ports/run-store.ts';
import { AdapterError } from '../adapter-error.ts';
import type { TableKey } from './keys.ts';
import { parseItem } from './parse-item.ts';

/* The run partition of docs/data-model.md: `RUN#<id>` holds the run item and one item per part. */
export const runPk = (id: string): string => `RUN#${id}`;
export const RUN_SK = 'RUN';
export const PART_PREFIX = 'PART#';
export const runKey = (id: string): TableKey => ({ PK: runPk(id), SK: RUN_SK });
export const partKey = (id: string, part: string): TableKey => ({ PK: runPk(id), SK: `${PART_PREFIX}${part}` });

/* A run and its parts are read within the hour; a month is room to investigate one. */
const KEEP_SECONDS = 30 * 86_400;
/* DynamoDB's item limit is 400 KB; the rest of the item is its key and a few numbers. */
const MAX_RESULT_BYTES = 380_000;

const ttl = (now: number): number => Math.floor(now / 1000) + KEEP_SECONDS;

export function toRunItem(run: RunRef, parts: number, now: number): Record<string, unknown> {
  return { ...runKey(run.id), kind: run.kind, day: run.day, asOf: run.asOf, replay: run.replay, parts, done: 0, partsQueued: false, startedAt: now, ttl: ttl(now) };
}

const RunItem = z.object({ parts: z.number().int(), done: z.number().int(), partsQueued: z.boolean(), finishedAt: z.number().optional() });

export function fromRunItem(item: unknown): RunState {
  const { parts, done, partsQueued, finishedAt } = parseItem(RunItem, item, 'run');
  return { parts, done, partsQueued, finished: finishedAt !== undefined };
}

/**
 * A part's result, gzip'd: its log keys and rows repeat requirement ids and addresses, which
 * compress tenfold, so an office of a few hundred schools stays far under the item limit.
 */
export function toPartItem(id: string, result: PartResult, now: number): Record<string, unknown> {
  const body = gzipSync(JSON.stringify(result));
  if (body.byteLength > MAX_RESULT_BYTES) {
    throw new AdapterError('ITEM_TOO_LARGE', `part ${result.part} of run ${id}: ${body.byteLength} bytes compressed, over ${MAX_RESULT_BYTES}`);
  }
  return { ...partKey(id, result.part), result: body, ttl: ttl(now) };
}

const PartItem = z.object({ result: z.instanceof(Uint8Array) });

export function fromPartItem(item: unknown): PartResult {
  const { result } = parseItem(PartItem, item, 'run part');
  return parseItem(PartResult, JSON.parse(gunzipSync(result).toString('utf8')) as unknown, 'run part result');
}
