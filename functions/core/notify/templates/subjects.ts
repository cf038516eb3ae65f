import { deadlineText, vnDay } from './vn-format.ts';

export function reminderSubject(unit: string, title: string, daysLeft: number, deadline: number): string {
  const when = daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${daysLeft} ngày`;
  return `[Nhắc việc] ${unit}: ${title} – ${when}, hạn ${deadlineText(deadline)}`;
}

export function escalationSubject(stage: 'escalation-1' | 'escalation-2', units: number, title: string, daysOverdue: number): string {
  const tag = stage === 'escalation-1' ? '[Quá hạn]' : `[Quá hạn ${daysOverdue} ngày – báo cáo Sở]`;
  return `${tag} ${units} đơn vị chưa hoàn thành: ${title}`;
}

export function digestSubject(weekOf: string, openRequirements: number): string {
  const tail = openRequirements === 0 ? 'mọi yêu cầu đã hoàn thành' : `${openRequirements} yêu cầu còn đơn vị chưa hoàn thành`;
  return `[Tổng hợp tuần ${vnDay(weekOf)}] CSDL ngành: ${tail}`;
}
