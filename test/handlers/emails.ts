import type { OutboundEmail } from '../../functions/core/outbox/outbound-email.ts';

/** A planned reminder as the planner puts it on the queue. */
export function plannedEmail(overrides: Partial<OutboundEmail> = {}): OutboundEmail {
  const to = overrides.to ?? ['canbo@thpt-ngoquyen.edu.vn'];
  const cc = overrides.cc ?? ['hieutruong@thpt-ngoquyen.edu.vn'];
  const unit = overrides.unit ?? 'THPT001';
  const requirement = overrides.requirement ?? 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
  const stage = overrides.stage ?? 'reminder-3';
  return {
    kind: 'reminder',
    stage,
    unit,
    requirement,
    day: '2023-06-12',
    to,
    cc,
    subject: '[dondoc] Còn 3 ngày: xác thực định danh học sinh — hạn 17h00 ngày 15/6/2023',
    html: '<p>Còn 13/284 học sinh chưa xác thực.</p>',
    text: 'Còn 13/284 học sinh chưa xác thực.',
    units: [unit],
    ...overrides,
  };
}
