import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollup } from '../../../functions/core/evaluation/rollup.ts';
import { rollupEntries } from '../../../functions/core/evaluation/rollup-entries.ts';
import type { UnitRequirementResult } from '../../../functions/core/evaluation/types.ts';
import type { RollupEntry } from '../../../functions/core/evaluation/rollup-entries.ts';
import { notificationKeyString } from '../../../functions/core/notify/notification-key.ts';
import { planFinish } from '../../../functions/core/notify/plan-finish.ts';
import { planNotifications } from '../../../functions/core/notify/plan-notifications.ts';
import { planPart } from '../../../functions/core/notify/plan-part.ts';
import type { NotificationPlan, NotifyMessage, PlanInput } from '../../../functions/core/notify/types.ts';
import { mergeParts } from '../../../functions/core/pipeline/finish-run.ts';
import type { PartResult } from '../../../functions/core/pipeline/part-result.ts';
import { summarisePart } from '../../../functions/core/pipeline/summarise-part.ts';
import { toOutbound } from '../../../functions/core/pipeline/to-outbound.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { at, catalogWith, DEPARTMENT, office, requirementWith, result, run, school } from './province.ts';

const REQ2 = 'hp-2024-bao-cao/bao-cao-dau-nam';
const catalog = catalogWith(
  requirementWith(),
  { ...requirementWith({ cc: ['vanphong@hp.edu.vn'] }, REQ2), deadlines: [{ at: at('2023-06-05T00:00:00+07:00') }] },
);
const URL = 'https://dondoc.example.gov.vn';

interface Province {
  registry: Map<string, UnitRecord>;
  /** the parts as the scheduled run cuts them: an office with its schools, chunks of the department's own units */
  parts: string[][];
  results: UnitRequirementResult[];
  asOf: number;
  sent: PlanInput['alreadySent'];
}

/** Some deliveries already in the log, the same ones for both plans. */
const alreadySent = (salt: number): PlanInput['alreadySent'] => (key) => {
  let h = salt;
  for (const c of notificationKeyString(key)) h = (h * 31 + c.charCodeAt(0)) % 1009;
  return h % 5 === 0;
};

const unitShape = fc.record({ behind: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }), noOfficer: fc.boolean(), noHead: fc.integer({ min: 0, max: 5 }) });

/** Small provinces: a few offices with a few schools, a few schools under the department, some addresses missing. */
const province: fc.Arbitrary<Province> = fc
  .record({
    offices: fc.array(fc.record({ self: unitShape, schools: fc.array(unitShape, { maxLength: 5 }) }), { maxLength: 3 }),
    direct: fc.array(unitShape, { maxLength: 6 }),
    chunk: fc.integer({ min: 1, max: 4 }),
    day: fc.integer({ min: 0, max: 14 }),
    departmentHead: fc.boolean(),
    sentSalt: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ offices, direct, chunk, day, departmentHead, sentSalt }) => {
    const asOf = run(`2023-06-${String(day + 1).padStart(2, '0')}`);
    const department = departmentHead ? DEPARTMENT : { ...DEPARTMENT, headEmail: undefined };
    const registry = new Map<string, UnitRecord>([[department.unitCode, department]]);
    const results: UnitRequirementResult[] = [];
    const add = (unit: UnitRecord, shape: (typeof offices)[number]['self']) => {
      const { officerEmail, headEmail, ...rest } = unit;
      registry.set(unit.unitCode, { ...rest, ...(!shape.noOfficer && officerEmail !== undefined && { officerEmail }), ...(shape.noHead > 0 && headEmail !== undefined && { headEmail }) });
      results.push(
        result(unit.unitCode, shape.behind[0] ?? false, asOf),
        result(unit.unitCode, shape.behind[1] ?? false, asOf, { requirement: REQ2, deadline: at('2023-06-05T00:00:00+07:00') }),
      );
    };
    const parts: string[][] = [];
    offices.forEach((o, i) => {
      const code = `PGD${i}`;
      add(office(code), o.self);
      o.schools.forEach((s, j) => add(school(`T${i}${j}`, code, j % 2 === 0 ? {} : { levels: ['TH'] }), s));
      parts.push([code, ...o.schools.map((_, j) => `T${i}${j}`)]);
    });
    direct.forEach((s, j) => add(school(`C${j}`, 'SGD', { levels: ['THPT'] }), s));
    const own = [department.unitCode, ...direct.map((_, j) => `C${j}`)];
    for (let i = 0; i < own.length; i += chunk) parts.push(own.slice(i, i + chunk));
    return { registry, parts, results, asOf, sent: alreadySent(sentSalt) };
  });

/** The parts as the pipeline runs them: planPart, what a part stores (summarisePart), mergeParts, planFinish. */
async function inParts(p: Province): Promise<{ plan: NotificationPlan; rollups: RollupEntry[] }> {
  const department = p.registry.get('SGD');
  const messages: NotifyMessage[] = [];
  const findings = new Set<string>();
  const stored: PartResult[] = [];
  for (const [i, codes] of p.parts.entries()) {
    const scope = new Map(codes.flatMap((c) => (p.registry.has(c) ? [[c, p.registry.get(c) as UnitRecord] as const] : [])));
    const results = p.results.filter((r) => codes.includes(r.unit));
    const registry = new Map(scope);
    if (department) registry.set('SGD', department);
    const part = planPart({ catalog, registry, results, department: 'SGD', asOf: p.asOf, alreadySent: p.sent });
    messages.push(...part.messages);
    for (const f of part.findings) findings.add(JSON.stringify(f));
    /* Through JSON, as the stored item is read back. */
    stored.push(JSON.parse(JSON.stringify(summarisePart(String(i), 'daily', scope, results, part, { units: codes.length, changes: 0, emails: part.messages.length }))) as PartResult);
  }
  const merged = await mergeParts(stored);
  const finish = planFinish(
    { catalog, registry: new Map(department ? [['SGD', department]] : []), department: 'SGD', asOf: p.asOf, alreadySent: p.sent },
    merged.escalations,
    merged.digest,
  );
  for (const f of finish.findings) findings.add(JSON.stringify(f));
  return { plan: { ...finish, messages: [...messages, ...finish.messages], findings: [...findings].map((f) => JSON.parse(f) as NotificationPlan['findings'][number]) }, rollups: merged.rollups };
}

const emails = (messages: readonly NotifyMessage[]) => messages.map((m) => JSON.stringify(toOutbound(m, URL))).sort();
const sorted = <T>(items: readonly T[]) => items.map((i) => JSON.stringify(i)).sort();

describe('a run planned in parts', () => {
  it('sends exactly the emails the whole province planned in one go sends, and finds the same gaps', async () => {
    let toDepartment = 0;
    let digests = 0;
    await fc.assert(
      fc.asyncProperty(province, async (p) => {
        const whole = planNotifications({ catalog, registry: p.registry, results: p.results, department: 'SGD', asOf: p.asOf, alreadySent: p.sent });
        const parts = await inParts(p);
        expect(emails(parts.plan.messages)).toEqual(emails(whole.messages));
        expect(sorted(parts.plan.findings)).toEqual(sorted(whole.findings));
        toDepartment += whole.messages.filter((m) => m.kind === 'escalation' && m.unit === 'SGD').length;
        digests += whole.messages.filter((m) => m.kind === 'digest').length;
      }),
      { numRuns: 150 },
    );
    /* The provinces drawn reach the department's merged emails, not only the parts' own. */
    expect(toDepartment).toBeGreaterThan(0);
    expect(digests).toBeGreaterThan(0);
  });

  it('sums to the rollups of the whole province', async () => {
    await fc.assert(
      fc.asyncProperty(province, async (p) => {
        const whole = rollupEntries(rollup(p.results, p.registry));
        const byKey = (entries: typeof whole) => new Map(entries.map((e) => [`${e.scope}|${e.key}`, e.counts]));
        expect(byKey((await inParts(p)).rollups)).toEqual(byKey(whole));
      }),
      { numRuns: 100 },
    );
  });

  it("lists the department's first overdue units and counts the others, as the one-go email does", async () => {
    const registry = new Map<string, UnitRecord>([['SGD', DEPARTMENT]]);
    const asOf = run('2023-06-12');
    const results: UnitRequirementResult[] = [];
    const parts: string[][] = [['SGD']];
    for (let o = 0; o < 3; o++) {
      registry.set(`PGD${o}`, office(`PGD${o}`));
      const codes = Array.from({ length: 40 }, (_, i) => `S${o}${String(i).padStart(2, '0')}`);
      for (const code of codes) {
        registry.set(code, school(code, `PGD${o}`));
        results.push(result(code, true, asOf));
      }
      parts.push([`PGD${o}`, ...codes]);
    }
    const p: Province = { registry, parts, results, asOf, sent: () => false };
    const whole = planNotifications({ catalog, registry, results, department: 'SGD', asOf, alreadySent: () => false });
    const split = await inParts(p);
    const toDepartment = (plan: NotificationPlan) => plan.messages.filter((m) => m.kind === 'escalation' && m.unit === 'SGD' && m.stage === 'escalation-2');
    const [one] = toDepartment(whole).map((m) => toOutbound(m, URL));
    const [merged] = toDepartment(split.plan).map((m) => toOutbound(m, URL));
    expect(one?.units).toHaveLength(120);
    expect(merged).toEqual(one);
    expect(merged?.text).toContain(`… và 70 đơn vị khác`);
  });
});
