import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../functions/core/dashboard/calendar.ts';
import { at, catalogWith, DEADLINE, REQ, requirementWith } from '../notify/province.ts';

const LATER = at('2023-06-20T00:00:00+07:00');
const catalog = catalogWith({ ...requirementWith(), deadlines: [{ at: LATER, unitKinds: ['centre'] }, { at: DEADLINE }] });
const counts = new Map([[REQ, { units: 10, total: 1000, failing: 40, rate: 4, byStatus: { compliant: 3, compliant_late: 1, overdue: 2, due_soon: 4 } }]]);

describe('buildCalendar', () => {
  it('lists the deadlines from the run’s day on, soonest first, with how many units are still behind', () => {
    const entries = buildCalendar(catalog, counts, at('2023-06-08T08:00:00+07:00'));
    expect(entries).toEqual([
      { at: DEADLINE, text: '17h00 ngày 08/6/2023', appliesTo: '', requirement: REQ, requirementTitle: expect.any(String), dispatch: 'hp-2023-quy-trinh-ra-soat', behind: 6, units: 10 },
      { at: LATER, text: 'ngày 20/6/2023', appliesTo: 'Trung tâm GDNN-GDTX', requirement: REQ, requirementTitle: expect.any(String), dispatch: 'hp-2023-quy-trinh-ra-soat', behind: 6, units: 10 },
    ]);
  });

  it('keeps a deadline earlier on the run’s own day, and drops the days before', () => {
    expect(buildCalendar(catalog, counts, at('2023-06-08T23:00:00+07:00')).map((e) => e.at)).toEqual([DEADLINE, LATER]);
    expect(buildCalendar(catalog, counts, at('2023-06-09T00:00:00+07:00')).map((e) => e.at)).toEqual([LATER]);
  });

  it('shows a requirement no unit has a status for as nobody behind', () => {
    expect(buildCalendar(catalog, new Map(), at('2023-06-01T08:00:00+07:00')).map((e) => [e.behind, e.units])).toEqual([[0, 0], [0, 0]]);
  });
});
