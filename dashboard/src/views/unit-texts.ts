import type { Finding } from '../api/views.ts';
import { stageLabel } from '../format/labels.ts';

export function findingText(finding: Finding): string {
  switch (finding.kind) {
    case 'missing_email':
      return `Thiếu địa chỉ email ${finding.field === 'officer_email' ? 'của cán bộ phụ trách dữ liệu' : 'của thủ trưởng đơn vị'}: thư được gửi lên cấp trên.`;
    case 'not_in_registry':
      return 'Đơn vị chưa có trong danh sách đơn vị đã tải lên.';
    case 'no_recipient':
      return `Không có người nhận cho thư “${stageLabel(finding.stage)}” về yêu cầu ${finding.requirement}.`;
  }
}

/** "2023-06-30" → "30/6/2023"; other text (already written by a person) is shown as it is. */
export function expectedDateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${Number(m[2])}/${m[1]}` : date;
}
