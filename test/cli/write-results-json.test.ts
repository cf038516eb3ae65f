import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeResultsJson, type ResultJson } from '../../functions/cli/write-results-json.ts';

async function written(head: Record<string, string>, items: ResultJson[], highWaterMark?: number): Promise<string> {
  let text = '';
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      // Asynchronous, so a small highWaterMark makes the writer wait for 'drain'.
      setImmediate(done);
    },
  });
  await writeResultsJson(out, head, 'results', items);
  return text;
}

const code = fc.oneof(fc.stringMatching(/^[A-Z]{2}\d{1,8}$/), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('a"b', 'c\\d', 'e\nf', '\ud800', '😀'));
const result = fc.record(
  {
    unit: fc.string({ maxLength: 8 }),
    status: fc.constantFrom('compliant', 'overdue'),
    deadline: fc.option(fc.constant('2023-06-08T17:00:00+07:00'), { nil: null }),
    total: fc.nat(),
    rate: fc.double({ min: 0, max: 100, noNaN: true }),
    warning: fc.option(fc.nat(), { nil: undefined }),
    failingCodes: fc.array(code, { maxLength: 40 }),
  },
  { requiredKeys: ['unit', 'status', 'deadline', 'total', 'rate', 'failingCodes'] },
);

describe('writeResultsJson', () => {
  it('writes exactly what JSON.stringify(…, null, 2) and a line break would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(result, { maxLength: 12 }), async (items) => {
        const head = { asOf: '2023-06-23T11:30:00+07:00' };
        expect(await written(head, items)).toBe(`${JSON.stringify({ ...head, results: items }, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('waits for a slow stream and still writes every byte, in order', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ unit: `U${i}`, failingCodes: Array.from({ length: 200 }, (_, j) => `HS${i}-${j}`) }));
    const head = { asOf: 'x' };
    expect(await written(head, items, 1024)).toBe(`${JSON.stringify({ ...head, results: items }, null, 2)}\n`);
  });

  it('writes an empty list as JSON.stringify does', async () => {
    expect(await written({ asOf: 'x' }, [])).toBe('{\n  "asOf": "x",\n  "results": []\n}\n');
  });
});
