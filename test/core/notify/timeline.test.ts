import { describe, expect, it } from 'vitest';
import type { NotifyMessage } from '../../../functions/core/notify/types.ts';
import { MemoryLog, catalogWith, days, office, plan, registryOf, requirementWith, result, run, school, type at } from './province.ts';

/*
 * One deadline (17h00 08/6/2023, a Thursday) walked day by day from T−10 to T+5 with a log
 * that remembers what went out. The scenarios:
 *   EARLY    behind on T−10 only, done from T−9
 *   LATE     behind until it complies on T+2 (10/6)
 *   NEVER    behind throughout
 *   RELAPSE  done T−8…T−3, behind again from T−2 (06/6)
 *   RELAPSE2 done until T+2, behind again from T+3 (11/6): the missed escalation-1 is caught up
 *   DIRECT   a school directly under the department, behind throughout
 */
const BEHIND: Record<string, (day: string) => boolean> = {
  EARLY: (d) => d < '2023-05-30',
  LATE: (d) => d < '2023-06-10',
  NEVER: () => true,
  RELAPSE: (d) => !(d >= '2023-05-31' && d <= '2023-06-05'),
  RELAPSE2: (d) => d >= '2023-06-11',
  DIRECT: () => true,
};

const registry = registryOf(
  office('PGD1'),
  ...['EARLY', 'LATE', 'NEVER', 'RELAPSE', 'RELAPSE2'].map((c) => school(c, 'PGD1')),
  school('DIRECT', 'SGD', { levels: ['THPT'] }),
);
const catalog = catalogWith(requirementWith());

function walk(runDays: readonly string[]): Map<string, string[]> {
  const log = new MemoryLog();
  const inbox = new Map<string, string[]>();
  for (const day of runDays) {
    const asOf = run(day);
    const results = Object.entries(BEHIND).map(([unit, behind]) => result(unit, behind(day), asOf, { doneBy: asOf }));
    const p = plan({ catalog, registry, results, department: 'SGD', asOf, alreadySent: log.alreadySent });
    log.record(p);
    for (const m of p.messages.filter((x) => x.kind !== 'digest')) {
      for (const address of [...m.to, ...m.cc]) {
        const list = inbox.get(address) ?? [];
        list.push(line(day, m));
        inbox.set(address, list);
      }
    }
  }
  return inbox;
}

function line(day: string, m: NotifyMessage): string {
  const units = m.kind === 'escalation' ? ` [${m.overdue.map((r) => r.unit).join(',')}]` : '';
  return `${day} ${m.stage} ${m.unit}${units}`;
}

const T_MINUS_10_TO_T_PLUS_5 = days('2023-05-29', 16);

describe('one deadline walked from T−10 to T+5 with a log', () => {
  const inbox = walk(T_MINUS_10_TO_T_PLUS_5);

  it('a unit that complies early gets nothing (no stage had come yet)', () => {
    expect(inbox.get('cb.early@hp.edu.vn')).toBeUndefined();
    expect(inbox.get('ht.early@hp.edu.vn')).toBeUndefined();
  });

  it("a unit that never complies gets every reminder once, to its officer and its head alike", () => {
    const expected = ['2023-06-01 reminder-7 NEVER', '2023-06-05 reminder-3 NEVER', '2023-06-07 reminder-1 NEVER', '2023-06-08 reminder-0 NEVER'];
    expect(inbox.get('cb.never@hp.edu.vn')).toEqual(expected);
    expect(inbox.get('ht.never@hp.edu.vn')).toEqual(expected);
  });

  it('a unit that complies late gets the reminders, then only the first escalation names it', () => {
    expect(inbox.get('cb.late@hp.edu.vn')).toEqual([
      '2023-06-01 reminder-7 LATE',
      '2023-06-05 reminder-3 LATE',
      '2023-06-07 reminder-1 LATE',
      '2023-06-08 reminder-0 LATE',
    ]);
  });

  it('a unit that relapses before the deadline gets the stage it missed on the day it falls behind, then the rest', () => {
    expect(inbox.get('cb.relapse@hp.edu.vn')).toEqual([
      '2023-06-06 reminder-3 RELAPSE',
      '2023-06-07 reminder-1 RELAPSE',
      '2023-06-08 reminder-0 RELAPSE',
    ]);
  });

  it('a unit that relapses after the deadline gets no reminder (its reminder days are over)', () => {
    expect(inbox.get('cb.relapse2@hp.edu.vn')).toBeUndefined();
  });

  it("the district office's head gets one escalation for all its overdue schools, then one for the late relapse", () => {
    expect(inbox.get('tp.pgd1@hp.edu.vn')).toEqual(['2023-06-09 escalation-1 PGD1 [LATE,NEVER,RELAPSE]', '2023-06-11 escalation-1 PGD1 [RELAPSE2]']);
    expect(inbox.get('cb.pgd1@hp.edu.vn')).toBeUndefined();
  });

  it("the department's head hears of its own school on the first run, and of every unit still behind three days later", () => {
    expect(inbox.get('giamdoc@hp.edu.vn')).toEqual([
      '2023-06-09 escalation-1 SGD [DIRECT]',
      '2023-06-12 escalation-2 SGD [DIRECT,NEVER,RELAPSE,RELAPSE2]',
    ]);
  });

  it('a missed run does not lose a reminder: the stage goes out on the next run', () => {
    const withoutMonday = walk(T_MINUS_10_TO_T_PLUS_5.filter((d) => d !== '2023-06-05'));
    expect(withoutMonday.get('cb.never@hp.edu.vn')).toContain('2023-06-06 reminder-3 NEVER');
    expect(withoutMonday.get('cb.never@hp.edu.vn')).toHaveLength(4);
  });

  it('runs missed across two stages send only the latest one', () => {
    const gap = walk(T_MINUS_10_TO_T_PLUS_5.filter((d) => d < '2023-06-05' || d > '2023-06-07'));
    expect(gap.get('cb.never@hp.edu.vn')).toEqual(['2023-06-01 reminder-7 NEVER', '2023-06-08 reminder-0 NEVER']);
  });

  it('the same run repeated sends nothing the second time', () => {
    const log = new MemoryLog();
    const asOf = run('2023-06-09');
    const results = Object.entries(BEHIND).map(([unit, behind]) => result(unit, behind('2023-06-09'), asOf));
    const first = plan({ catalog, registry, results, department: 'SGD', asOf, alreadySent: log.alreadySent });
    log.record(first);
    expect(first.messages.length).toBeGreaterThan(0);
    expect(plan({ catalog, registry, results, department: 'SGD', asOf, alreadySent: log.alreadySent }).messages).toEqual([]);
  });
});

describe('without a log (dry run)', () => {
  const behindEverywhere = (asOf: ReturnType<typeof at>) => ['NEVER', 'DIRECT'].map((u) => result(u, true, asOf));

  it("'assume_sent' shows a stage only on its own day", () => {
    const stagesOn = (day: string) =>
      plan({ catalog, registry, results: behindEverywhere(run(day)), department: 'SGD', asOf: run(day), missedStages: 'assume_sent' })
        .messages.filter((m) => m.kind !== 'digest')
        .map((m) => `${m.stage} ${m.unit}`);
    expect(stagesOn('2023-06-01')).toEqual(['reminder-7 NEVER', 'reminder-7 DIRECT']);
    expect(stagesOn('2023-06-02')).toEqual([]);
    expect(stagesOn('2023-06-09')).toEqual(['escalation-1 PGD1', 'escalation-1 SGD']);
    expect(stagesOn('2023-06-10')).toEqual([]);
  });

  it("'send' (the default) repeats the latest stage reached, since nothing says it went out", () => {
    const p = plan({ catalog, registry, results: behindEverywhere(run('2023-06-02')), department: 'SGD', asOf: run('2023-06-02') });
    expect(p.messages.map((m) => m.stage)).toEqual(['reminder-7', 'reminder-7']);
  });
});
