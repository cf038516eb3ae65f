import type { DigestMessage, DigestSection } from '../types.ts';
import { provinceUrl } from './dashboard-link.ts';
import { button, FOOTER, heading, labelled, layout, para, table } from './html.ts';
import { LEVEL_LABEL, STATUS_LABEL } from './labels.ts';
import type { RenderedEmail, RenderOptions } from './rendered-email.ts';
import { entityNoun } from './rule-wording.ts';
import { deadlineText, dispatchReference, vnDay, vnNumber, vnPercent, vnPoints } from './vn-format.ts';

function statusLine(s: DigestSection): string {
  const parts = (['overdue', 'due_soon', 'pending', 'non_compliant', 'warning', 'no_data', 'compliant', 'compliant_late'] as const)
    .filter((status) => (s.byStatus[status] ?? 0) > 0)
    .map((status) => `${STATUS_LABEL[status].toLowerCase()} ${vnNumber(s.byStatus[status] ?? 0)}`);
  return `${vnNumber(s.units)} đơn vị: ${parts.join(', ')}`;
}

/** Phụ lục 1's shape: one row per level, then the province total. */
function levelTable(s: DigestSection): { headers: string[]; rows: string[][] } {
  const noun = entityNoun(s.requirementFacts.entity);
  return {
    headers: ['TT', 'Bậc học', `Tổng số ${noun}`, 'Chưa đạt', 'Tỉ lệ (%)', 'Đơn vị quá hạn'],
    rows: [
      ...s.byLevel.map((l, i) => [String(i + 1), LEVEL_LABEL[l.level], vnNumber(l.total), vnNumber(l.failing), vnPercent(l.rate), vnNumber(l.overdueUnits)]),
      ['', 'TỔNG SỐ', vnNumber(s.total), vnNumber(s.failing), vnPercent(s.rate), vnNumber(s.byStatus.overdue ?? 0)],
    ],
  };
}

/** "So với tuần trước: 4,58% → 1,20% chưa đạt (giảm 3,38 điểm), quá hạn 12 → 3 đơn vị." */
function trendLine(now: DigestSection, before: NonNullable<DigestSection['lastWeek']>): string {
  const delta = Math.round((now.rate - before.rate) * 100) / 100;
  const direction = delta < 0 ? `giảm ${vnPoints(-delta)} điểm` : delta > 0 ? `tăng ${vnPoints(delta)} điểm` : 'không đổi';
  return `So với tuần trước: ${vnPercent(before.rate)} → ${vnPercent(now.rate)} chưa đạt (${direction}), quá hạn ${vnNumber(before.overdueUnits)} → ${vnNumber(now.byStatus.overdue ?? 0)} đơn vị.`;
}

/** The department's weekly overview: each open requirement by level, and the ten units furthest behind. */
export function renderDigest(m: DigestMessage, opts: RenderOptions): RenderedEmail {
  const url = provinceUrl(opts.dashboardUrl);
  const intro = `Kính gửi: Lãnh đạo và cán bộ phụ trách CSDL ngành ${m.departmentName}. Tình hình thực hiện các văn bản chỉ đạo tính đến ngày ${vnDay(m.weekOf)}:`;
  const html: string[] = [heading(`Tổng hợp tuần ${vnDay(m.weekOf)}`), para(intro)];
  const text: string[] = [`Tổng hợp tuần ${vnDay(m.weekOf)}`, '', intro];
  if (m.sections.length === 0) {
    html.push(para('Mọi đơn vị đã hoàn thành các yêu cầu đang theo dõi.'));
    text.push('', 'Mọi đơn vị đã hoàn thành các yêu cầu đang theo dõi.');
  }
  for (const s of m.sections) {
    const reference = `${dispatchReference(s.dispatch)} (mục ${s.requirementFacts.source})`;
    const t = levelTable(s);
    html.push(
      heading(s.requirementFacts.title, 2),
      para(reference),
      ...(s.deadline === undefined ? [] : [labelled('Thời hạn:', deadlineText(s.deadline))]),
      para(statusLine(s)),
      ...(s.lastWeek === undefined ? [] : [para(trendLine(s, s.lastWeek))]),
      table(t.headers, t.rows, [true, false, true, true, true, true]),
    );
    text.push(
      '',
      `== ${s.requirementFacts.title}`,
      reference,
      ...(s.deadline === undefined ? [] : [`Thời hạn: ${deadlineText(s.deadline)}`]),
      statusLine(s),
      ...(s.lastWeek === undefined ? [] : [trendLine(s, s.lastWeek)]),
      ...t.rows.map((r) => `- ${r[1]}: ${r[3]}/${r[2]} chưa đạt (${r[4]}), ${r[5]} đơn vị quá hạn`),
    );
  }
  if (m.furthestBehind.length > 0) {
    const title = `${m.furthestBehind.length} đơn vị chậm nhất`;
    const rows = m.furthestBehind.map((r, i) => [
      String(i + 1),
      `${r.unitName} (${r.unit})`,
      r.requirementTitle,
      STATUS_LABEL[r.status],
      `${vnNumber(r.failing)}/${vnNumber(r.total)}`,
      vnPercent(r.rate),
    ]);
    html.push(heading(title, 2), table(['STT', 'Đơn vị', 'Yêu cầu', 'Trạng thái', 'Chưa đạt / tổng số', 'Tỉ lệ'], rows, [true, false, false, false, true, true]));
    text.push('', `== ${title}`, ...rows.map((r) => `${r[0]}. ${r[1]} – ${r[2]}: ${r[3]}, ${r[4]} (${r[5]})`));
  }
  html.push(button(url, 'Mở bảng theo dõi toàn ngành'), para(`Hoặc mở: ${url}`));
  text.push('', `Xem chi tiết: ${url}`, '', FOOTER);
  return { subject: m.subject, html: layout(m.subject, html), text: text.join('\n') };
}
