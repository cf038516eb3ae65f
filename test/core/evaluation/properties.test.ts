import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import { rate2 } from '../../../functions/core/evaluation/rate.ts';
import { STATUSES } from '../../../functions/core/evaluation/types.ts';
import { ID_VERIFICATION, STUDENT_STATUS, type EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { catalogOf, registryOf, requirement, statesOf, student, summarise, unit, vn } from './builders.ts';

const DAY = 86_400_000;
const BASE = vn('2023-06-01T00:00');

const studentArb = fc.record({
  unit: fc.constantFrom('A', 'B', 'C'),
  code: fc.integer({ min: 1, max: 40 }),
  verification: fc.constantFrom(...ID_VERIFICATION),
  status: fc.option(fc.constantFrom(...STUDENT_STATUS), { nil: undefined }),
  nationalIdHash: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  updatedAt: fc.integer({ min: 0, max: 20 * DAY }).map((ms) => BASE + ms),
});

describe('evaluation properties', () => {
  it('failing ≤ total, rate = rate2 within [0, 100], codes match failing, status is known', () => {
    const reqs = [
      requirement('id', { kind: 'identity_verification', entity: 'students', threshold: 95 }, { deadlines: [{ at: BASE + 10 * DAY }] }),
      requirement('dup', { kind: 'duplicates', entity: 'students', keys: ['national_id', 'record_code'] }),
      requirement('rf', { kind: 'required_fields', entity: 'students', fields: ['national_id', 'class_name'] }),
    ];
    const registry = registryOf(unit('A'), unit('B', { levels: ['TH'] }), unit('C', { levels: ['THCS'] }));
    fc.assert(
      fc.property(fc.array(studentArb, { maxLength: 60 }), fc.integer({ min: 0, max: 30 * DAY }), (rows, asOfOffset) => {
        const records: EntityRecord[] = rows.map((r) =>
          student(r.unit, `HS${r.code}`, { idVerification: r.verification, status: r.status, nationalIdHash: r.nationalIdHash, updatedAt: r.updatedAt }),
        );
        const asOf = BASE + asOfOffset;
        const states = statesOf(summarise(reqs, BASE + 20 * DAY, records));
        const results = evaluate(catalogOf(...reqs), { registry, states, asOf });
        expect(results).toHaveLength(registry.size * reqs.length);
        for (const r of results) {
          expect(STATUSES).toContain(r.status);
          expect(r.failing).toBeLessThanOrEqual(r.total);
          expect(r.failingCodes).toHaveLength(r.failing);
          expect(r.rate).toBe(rate2(r.failing, r.total));
          expect(r.rate).toBeGreaterThanOrEqual(0);
          expect(r.rate).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a unit verifying its last record before the deadline is compliant, after it compliant_late, and failing in between', () => {
    const deadline = vn('2023-06-08T17:00');
    const req = requirement('id', { kind: 'identity_verification', entity: 'students' }, { deadlines: [{ at: deadline }] });
    const catalog = catalogOf(req);
    const registry = registryOf(unit('A'));
    const firstSnapshot = deadline - 20 * DAY;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -10 * DAY, max: 10 * DAY })),
        fc.integer({ min: 0, max: 5 * DAY }),
        (unverified, verified, fixOffset, lookLater) => {
          const fixedAt = deadline + fixOffset;
          const before = Array.from({ length: unverified + verified }, (_, i) =>
            student('A', `HS${i}`, { updatedAt: firstSnapshot - DAY, idVerification: i < unverified ? 'unverified' : 'verified' }),
          );
          const after = before.map((rec, i) => (i < unverified ? student('A', `HS${i}`, { updatedAt: fixedAt }) : rec));
          const stillFailing = evaluate(catalog, { registry, states: statesOf(summarise([req], firstSnapshot, before)), asOf: fixedAt - 1 })[0];
          const fixed = evaluate(catalog, { registry, states: statesOf(summarise([req], fixedAt, after)), asOf: fixedAt + lookLater })[0];
          expect(['pending', 'due_soon', 'overdue']).toContain(stillFailing?.status);
          expect(stillFailing?.failing).toBe(unverified);
          expect(fixed?.status).toBe(fixedAt <= deadline ? 'compliant' : 'compliant_late');
          expect(fixed?.compliantSince).toBe(fixedAt);
        },
      ),
      { numRuns: 200 },
    );
  });
});
