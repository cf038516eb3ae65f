import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeList } from '../../../functions/core/evaluation/code-list.ts';

describe('CodeList', () => {
  it('gives back every code pushed, in order, whatever characters and lengths they have', () => {
    const code = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\u0000', '\uffff', 'HS\n1'));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 200 }), fc.boolean(), (codes, seal) => {
        const list = new CodeList();
        for (const c of codes) list.push(c);
        if (seal) list.seal();
        expect(list.length).toBe(codes.length);
        expect(list.toArray()).toEqual(codes);
      }),
    );
  });

  it('keeps codes of 65,535 characters and more', () => {
    const long = ['x'.repeat(0xfffe), 'y'.repeat(0xffff), 'z'.repeat(0x1_0001)];
    const list = new CodeList();
    for (const c of [...long, 'HS1']) list.push(c);
    list.seal();
    expect(list.toArray().map((c) => c.length)).toEqual([0xfffe, 0xffff, 0x1_0001, 3]);
    expect(list.toArray()).toEqual([...long, 'HS1']);
  });

  it('can still grow after it was sealed, and reads the same twice', () => {
    const list = new CodeList();
    list.push('A');
    list.seal();
    list.push('B');
    expect(list.toArray()).toEqual(['A', 'B']);
    expect(list.toArray()).toEqual(['A', 'B']);
  });
});
