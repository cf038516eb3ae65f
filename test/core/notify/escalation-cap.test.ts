import { describe, expect, it } from 'vitest';
import { MAX_ESCALATION_ROWS, renderEscalation } from '../../../functions/core/notify/templates/escalation-email.ts';
import type { EscalationMessage } from '../../../functions/core/notify/types.ts';
import { parseInstant } from '../../../functions/core/time.ts';

const DEADLINE = parseInstant('2023-06-08T17:00:00+07:00');

function provinceWide(units: number): EscalationMessage {
  return {
    kind: 'escalation',
    stage: 'escalation-2',
    unit: 'SGDHP',
    requirement: 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh',
    to: ['giamdoc@sgd.hp.edu.vn'],
    cc: [],
    subject: 'Quá hạn',
    keys: [],
    runDay: '2023-06-12',
    supervisor: { code: 'SGDHP', name: 'Sở GDĐT Hải Phòng' },
    dispatch: { id: 'hp-2023-quy-trinh-ra-soat', issuer: 'Sở GDĐT Hải Phòng', number: '/SGDĐT-GDTX&ĐH', date: '2023', title: 'Rà soát dữ liệu' },
    requirementFacts: { id: 'hoc-sinh-xac-thuc-dinh-danh', title: 'Xác thực định danh học sinh', source: '§2.3', entity: 'students', ruleKind: 'identity_verification' },
    deadline: DEADLINE,
    overdue: Array.from({ length: units }, (_, i) => ({
      unit: `TH${String(i).padStart(3, '0')}`,
      unitName: `Trường TH số ${i}`,
      deadline: DEADLINE,
      daysOverdue: 4,
      total: 300,
      failing: 3,
      rate: 1,
    })),
  };
}

describe('a province-wide escalation', () => {
  it(`lists the first ${MAX_ESCALATION_ROWS} units and counts the rest, in HTML and text`, () => {
    const email = renderEscalation(provinceWide(120), { dashboardUrl: 'https://dondoc.example.gov.vn' });
    expect(email.text).toContain(`${MAX_ESCALATION_ROWS}. Trường TH số ${MAX_ESCALATION_ROWS - 1}`);
    expect(email.text).not.toContain(`Trường TH số ${MAX_ESCALATION_ROWS} `);
    expect(email.text).toContain('… và 70 đơn vị khác');
    expect(email.html).toContain('… và 70 đơn vị khác');
    expect(email.text).toContain('120 đơn vị sau đã quá hạn');
    expect(Buffer.byteLength(email.html) + Buffer.byteLength(email.text)).toBeLessThan(64 * 1024);
  });

  it('lists every unit when there are few', () => {
    const email = renderEscalation(provinceWide(3), { dashboardUrl: 'https://dondoc.example.gov.vn' });
    expect(email.text).toContain('3. Trường TH số 2');
    expect(email.text).not.toContain('đơn vị khác');
  });
});
