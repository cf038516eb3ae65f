import fc from 'fast-check';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writePrettyJson } from '../../../functions/core/report/write-pretty-json.ts';

/** A stream that keeps what it is given and, with a tiny buffer, asks the writer to wait for 'drain'. */
function collector(highWaterMark = 16 * 1024): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function written(head: Record<string, unknown>, key: string, items: unknown[], highWaterMark?: number): Promise<string> {
  const out = collector(highWaterMark);
  await writePrettyJson(out.stream, head, key, items);
  return out.text();
}

const expected = (head: Record<string, unknown>, key: string, items: unknown[]) => `${JSON.stringify({ ...head, [key]: items }, null, 2)}\n`;

describe('writePrettyJson', () => {
  it('writes what JSON.stringify(…, null, 2) would, for any head and list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string().filter((k) => k !== 'results'), fc.jsonValue()), fc.array(fc.jsonValue(), { maxLength: 20 }), async (head, items) => {
        expect(await written(head, 'results', items)).toBe(expected(head, 'results', items));
      }),
      { numRuns: 200 },
    );
  });

  it('writes an empty list and an empty head as JSON does', async () => {
    expect(await written({}, 'results', [])).toBe(expected({}, 'results', []));
    expect(await written({ asOf: 'x' }, 'results', [])).toBe('{\n  "asOf": "x",\n  "results": []\n}\n');
  });

  it('leaves out head values JSON has no text for, and writes missing items as null', async () => {
    const head = { a: undefined, b: () => 1, c: 1 };
    expect(await written(head, 'list', [undefined, 2])).toBe(expected(head, 'list', [undefined, 2]));
  });

  it('waits for a slow stream and still writes a long list whole and in order', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ unit: `U${i}`, failingCodes: [`HS${i}`, `HS${i + 1}`] }));
    const out = collector(1024);
    let drains = 0;
    out.stream.on('drain', () => {
      drains += 1;
    });
    await writePrettyJson(out.stream, { asOf: '2023-06-23' }, 'results', items);
    expect(out.text()).toBe(expected({ asOf: '2023-06-23' }, 'results', items));
    expect(drains).toBeGreaterThan(0);
  });
});
