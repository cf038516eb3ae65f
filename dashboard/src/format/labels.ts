import type { EntityKind, EscalationReached, ScopeKind, Status, UnitKind } from '../api/views.ts';

/* The emails' words (core/notify/templates/labels.ts): an official reads the same status name in the mailbox and on the page. */
export { STATUS_LABEL as STATUS_LABELS } from '../../../functions/core/notify/templates/labels.ts';

/** The order statuses are stacked and listed in: done first, then what needs attention. */
export const STATUS_ORDER: readonly Status[] = [
  'compliant',
  'compliant_late',
  'pending',
  'due_soon',
  'warning',
  'overdue',
  'non_compliant',
  'no_data',
  'not_applicable',
];

export const ESCALATION_LABELS: Record<EscalationReached, string> = {
  none: 'Chưa nhắc',
  reminders: 'Đã nhắc đơn vị',
  office: 'Đã báo Phòng GDĐT',
  department: 'Đã báo Sở GDĐT',
};

export const ENTITY_LABELS: Record<EntityKind, string> = {
  units: 'Danh sách đơn vị',
  students: 'Học sinh',
  staff: 'Nhân sự',
  profiles: 'Hồ sơ trường',
  reports: 'Báo cáo',
  explanations: 'Giải trình',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: 'Sở GDĐT',
  district_office: 'Phòng GDĐT',
  school: 'Trường',
  centre: 'Trung tâm GDNN-GDTX',
};

/** "reminder-3" → "Nhắc trước 3 ngày"; the stage names are the notification log's (core/notify/types.ts). */
export function stageLabel(stage: string): string {
  const reminder = /^reminder-(\d+)$/.exec(stage);
  if (reminder) return reminder[1] === '0' ? 'Nhắc vào ngày hạn' : `Nhắc trước ${reminder[1]} ngày`;
  if (stage === 'escalation-1') return 'Báo cáo đơn vị quản lý';
  if (stage === 'escalation-2') return 'Báo cáo Sở GDĐT';
  if (stage.startsWith('digest-')) return `Bản tin tuần ${stage.slice('digest-'.length)}`;
  return stage;
}

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  department: 'Sở GDĐT',
  district_office: 'Phòng GDĐT',
  unit: 'Đơn vị',
};
