import type { ReminderMessage } from '../types.ts';
import { unitPageUrl } from './dashboard-link.ts';
import { button, esc, FOOTER, heading, labelled, layout, para, table } from './html.ts';
import type { RenderedEmail, RenderOptions } from './rendered-email.ts';
import { progressSentence } from './rule-wording.ts';
import { deadlineText, dispatchReference, vnNumber, vnPercent } from './vn-format.ts';

const DEFAULT_ACTION = 'Rà soát, cập nhật dữ liệu trên CSDL ngành và gửi lại tệp dữ liệu mới nhất của đơn vị.';

function greeting(m: ReminderMessage): string {
  const unit = `${m.unitName} (${m.unit})`;
  if (m.redirectedTo === undefined) return `Kính gửi: Thủ trưởng và cán bộ phụ trách CSDL ngành ${unit}.`;
  return `Kính gửi: đơn vị quản lý ${m.redirectedTo}. ${unit} chưa khai báo email thủ trưởng, cán bộ phụ trách nên thư nhắc được gửi đến đơn vị quản lý; đề nghị chuyển tiếp và bổ sung email cho đơn vị.`;
}

function when(m: ReminderMessage): string {
  const left = m.daysLeft === 0 ? 'hôm nay là ngày cuối' : `còn ${m.daysLeft} ngày`;
  return `${deadlineText(m.deadline)} (${left})`;
}

function codesLine(m: ReminderMessage): string | undefined {
  if (m.failingCodes.length === 0) return undefined;
  const more = m.moreFailing > 0 ? ` và ${vnNumber(m.moreFailing)} hồ sơ khác` : '';
  return `${m.failingCodes.join(', ')}${more}`;
}

function breakdownTable(m: ReminderMessage): { title: string; headers: string[]; rows: string[][]; lines: string[] } | undefined {
  if (!m.breakdown) return undefined;
  const { by, rows } = m.breakdown;
  return {
    title: by === 'class' ? 'Theo lớp' : 'Theo cấp học',
    headers: [by === 'class' ? 'Lớp' : 'Cấp học', 'Chưa đạt', 'Tổng số', 'Tỉ lệ'],
    rows: rows.map((r) => [r.label, vnNumber(r.failing), vnNumber(r.total), vnPercent(r.rate)]),
    lines: rows.map((r) => `- ${r.label}: ${vnNumber(r.failing)}/${vnNumber(r.total)} (${vnPercent(r.rate)})`),
  };
}

/** A reminder to a unit: what the dispatch asks, by when, how far the unit is, what to do next. */
export function renderReminder(m: ReminderMessage, opts: RenderOptions): RenderedEmail {
  const url = unitPageUrl(opts.dashboardUrl, m.unit, m.requirement);
  const reference = `Thực hiện ${dispatchReference(m.dispatch)} về việc ${m.dispatch.title} (mục ${m.requirementFacts.source}):`;
  const progress = progressSentence(m.requirementFacts.ruleKind, m.requirementFacts.entity, m.figures);
  const action = m.requirementFacts.action ?? DEFAULT_ACTION;
  const codes = codesLine(m);
  const breakdown = breakdownTable(m);

  const html = layout(m.subject, [
    heading(`Nhắc việc: ${m.requirementFacts.title}`),
    para(greeting(m)),
    para(reference),
    `<p style="margin:0 0 12px;font-weight:bold">${esc(m.requirementFacts.title)}</p>`,
    labelled('Thời hạn:', when(m)),
    labelled('Tình hình:', progress),
    ...(breakdown ? [heading(breakdown.title, 2), table(breakdown.headers, breakdown.rows, [false, true, true, true])] : []),
    ...(codes ? [labelled('Mã hồ sơ chưa đạt:', codes)] : []),
    labelled('Việc cần làm:', action),
    button(url, 'Xem chi tiết trên bảng theo dõi'),
    para(`Hoặc mở: ${url}`),
  ]);

  const text = [
    `Nhắc việc: ${m.requirementFacts.title}`,
    '',
    greeting(m),
    '',
    reference,
    m.requirementFacts.title,
    '',
    `Thời hạn: ${when(m)}`,
    `Tình hình: ${progress}`,
    ...(breakdown ? ['', `${breakdown.title}:`, ...breakdown.lines] : []),
    ...(codes ? ['', `Mã hồ sơ chưa đạt: ${codes}`] : []),
    '',
    `Việc cần làm: ${action}`,
    '',
    `Xem chi tiết: ${url}`,
    '',
    FOOTER,
  ].join('\n');

  return { subject: m.subject, html, text };
}
