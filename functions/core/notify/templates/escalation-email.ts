import type { EscalationMessage, OverdueRow } from '../types.ts';
import { unitPageUrl } from './dashboard-link.ts';
import { button, FOOTER, heading, labelled, layout, para, table } from './html.ts';
import type { RenderedEmail, RenderOptions } from './rendered-email.ts';
import { entityNoun } from './rule-wording.ts';
import { deadlineText, dispatchReference, vnDay, vnNumber, vnPercent } from './vn-format.ts';

function greeting(m: EscalationMessage): string {
  const who = m.stage === 'escalation-1' ? `Thủ trưởng ${m.supervisor.name}` : `Lãnh đạo ${m.supervisor.name}`;
  if (m.redirectedTo === undefined) return `Kính gửi: ${who}.`;
  return `Kính gửi: đơn vị quản lý ${m.redirectedTo}. ${m.supervisor.name} (${m.supervisor.code}) chưa khai báo email thủ trưởng nên thư được gửi đến đơn vị quản lý cấp trên.`;
}

/* A province-wide escalation can list hundreds of units: the email shows the first ones and
   the count of the rest, the dashboard the whole list. */
export const MAX_ESCALATION_ROWS = 50;

/** Rows of one office usually share a deadline; when they do not, each row shows its own. */
function sharedDeadline(rows: readonly OverdueRow[]): number | undefined {
  const first = rows[0]?.deadline;
  return rows.every((r) => r.deadline === first) ? first : undefined;
}

/**
 * To the supervising unit's head (escalation-1) or the department's (escalation-2): every
 * overdue unit of the office in one table, with its figures.
 */
export function renderEscalation(m: EscalationMessage, opts: RenderOptions): RenderedEmail {
  const url = unitPageUrl(opts.dashboardUrl, m.supervisor.code, m.requirement);
  const shared = m.unlisted === undefined ? sharedDeadline(m.overdue) : m.unlisted.deadlinesShared ? m.deadline : undefined;
  const count = m.overdue.length + (m.unlisted?.units ?? 0);
  const noun = entityNoun(m.requirementFacts.entity);
  const reference = `Thực hiện ${dispatchReference(m.dispatch)} về việc ${m.dispatch.title} (mục ${m.requirementFacts.source}), yêu cầu: ${m.requirementFacts.title}.`;
  const summary = `Đến ngày ${vnDay(m.runDay)}, ${count} đơn vị sau đã quá hạn nhưng chưa hoàn thành:`;
  const ask =
    m.stage === 'escalation-1'
      ? `Đề nghị ${m.supervisor.name} chỉ đạo các đơn vị trên hoàn thành ngay và báo cáo kết quả.`
      : 'Đề nghị lãnh đạo Sở xem xét, chỉ đạo các đơn vị trên và đơn vị quản lý hoàn thành ngay.';
  const headers = ['STT', 'Đơn vị', 'Mã', `${noun} chưa đạt / tổng số`, 'Tỉ lệ', 'Quá hạn', ...(shared === undefined ? ['Thời hạn'] : [])];
  const shown = m.overdue.slice(0, MAX_ESCALATION_ROWS);
  const more = count - shown.length;
  const moreLine = more > 0 ? [para(`… và ${vnNumber(more)} đơn vị khác: xem danh sách đầy đủ trên bảng theo dõi.`)] : [];
  const rows = shown.map((r, i) => [
    String(i + 1),
    r.unitName,
    r.unit,
    `${vnNumber(r.failing)}/${vnNumber(r.total)}`,
    vnPercent(r.rate),
    `${r.daysOverdue} ngày`,
    ...(shared === undefined ? [deadlineText(r.deadline)] : []),
  ]);

  const html = layout(m.subject, [
    heading(`Đơn vị quá hạn: ${m.requirementFacts.title}`),
    para(greeting(m)),
    para(reference),
    ...(shared === undefined ? [] : [labelled('Thời hạn:', deadlineText(shared))]),
    para(summary),
    table(headers, rows, [true, false, false, true, true, true, false]),
    ...moreLine,
    para(ask),
    button(url, 'Xem chi tiết trên bảng theo dõi'),
    para(`Hoặc mở: ${url}`),
  ]);

  const text = [
    `Đơn vị quá hạn: ${m.requirementFacts.title}`,
    '',
    greeting(m),
    '',
    reference,
    ...(shared === undefined ? [] : [`Thời hạn: ${deadlineText(shared)}`]),
    '',
    summary,
    ...shown.map(
      (r, i) =>
        `${i + 1}. ${r.unitName} (${r.unit}): ${vnNumber(r.failing)}/${vnNumber(r.total)} ${noun} chưa đạt (${vnPercent(r.rate)}), quá hạn ${r.daysOverdue} ngày` +
        (shared === undefined ? `, hạn ${deadlineText(r.deadline)}` : ''),
    ),
    ...(more > 0 ? [`… và ${vnNumber(more)} đơn vị khác: xem danh sách đầy đủ trên bảng theo dõi.`] : []),
    '',
    ask,
    '',
    `Xem chi tiết: ${url}`,
    '',
    FOOTER,
  ].join('\n');

  return { subject: m.subject, html, text };
}
