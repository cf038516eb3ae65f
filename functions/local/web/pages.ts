import type { StoredStatus } from '../../core/ports/state-store.ts';
import { esc } from '../../core/notify/templates/html.ts';
import { STATUS_LABEL } from '../../core/notify/templates/labels.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';
import { formatVnOfficial } from '../../core/time.ts';
import { SUMMARY_STATUSES } from '../stack/format-summary.ts';
import type { Compliance } from '../stack/read-compliance.ts';

const STYLE = `body{font-family:system-ui,sans-serif;margin:1rem;max-width:72rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}td.n{text-align:right}.overdue{color:#b00020;font-weight:600}
.due_soon{color:#b36b00}.compliant,.compliant_late{color:#1b5e20}nav a{margin-right:1rem}`;

function page(title: string, links: { mailbox: string }, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><nav><a href="/">Tổng quan</a><a href="${esc(links.mailbox)}">Hộp thư (SES local)</a></nav>
<h1>${esc(title)}</h1>${body}</body></html>`;
}

/** The province at a glance: per requirement, units per status; then every unit and what it owes. */
export function overviewPage(compliance: Compliance, links: { mailbox: string }): string {
  const head = `<tr><th>Yêu cầu</th>${SUMMARY_STATUSES.map((s) => `<th>${esc(STATUS_LABEL[s])}</th>`).join('')}</tr>`;
  const rows = compliance.requirements
    .map((r) => `<tr><td>${esc(r.title)}<br><small>${esc(r.id)}</small></td>${SUMMARY_STATUSES.map((s) => `<td class="n ${s}">${r.byStatus[s] ?? 0}</td>`).join('')}</tr>`)
    .join('');
  const units = compliance.units
    .map(({ unit, statuses }) => {
      const overdue = statuses.filter((s) => s.status === 'overdue').length;
      const soon = statuses.filter((s) => s.status === 'due_soon').length;
      return `<tr><td><a href="/units/${encodeURIComponent(unit.unitCode)}">${esc(unit.unitCode)}</a></td><td>${esc(unit.unitName)}</td><td>${esc(unit.district ?? '')}</td><td class="n overdue">${overdue}</td><td class="n due_soon">${soon}</td></tr>`;
    })
    .join('');
  return page(
    'dondoc — tình hình cập nhật CSDL ngành',
    links,
    `<h2>Theo yêu cầu</h2><table>${head}${rows}</table><h2>Đơn vị (${compliance.units.length})</h2>
<table><tr><th>Mã</th><th>Tên đơn vị</th><th>Quận/Huyện</th><th>Quá hạn</th><th>Sắp hạn</th></tr>${units}</table>`,
  );
}

/** One unit: every requirement that applies, its status, deadline, figures and failing record codes. */
export function unitPage(unit: UnitRecord, statuses: readonly StoredStatus[], links: { mailbox: string }): string {
  const rows = statuses
    .map((s) => {
      const codes = s.failingCodes.slice(0, 30).join(', ') + (s.failingCodes.length > 30 ? ', …' : '');
      const deadline = s.deadline === undefined ? '—' : formatVnOfficial(s.deadline);
      return `<tr><td>${esc(s.requirement)}</td><td class="${s.status}">${esc(STATUS_LABEL[s.status])}</td><td>${esc(deadline)}</td><td class="n">${s.failing}/${s.total}</td><td class="n">${s.rate}%</td><td>${esc(codes)}</td></tr>`;
    })
    .join('');
  return page(
    `${unit.unitName} (${unit.unitCode})`,
    links,
    `<table><tr><th>Yêu cầu</th><th>Trạng thái</th><th>Thời hạn</th><th>Chưa đạt/Tổng</th><th>Tỉ lệ</th><th>Mã hồ sơ chưa đạt</th></tr>${rows}</table>`,
  );
}
