import { STATUS_LABEL } from '../../core/notify/templates/labels.ts';
import type { Status } from '../../core/evaluation/types.ts';
import type { Compliance } from './read-compliance.ts';

export const SUMMARY_STATUSES: readonly Status[] = ['compliant', 'compliant_late', 'pending', 'due_soon', 'overdue', 'non_compliant', 'warning', 'no_data'];
const COLUMNS: ReadonlyArray<[Status, string]> = SUMMARY_STATUSES.map((s) => [s, STATUS_LABEL[s]]);

/** The start-up summary: one line per requirement, how many units stand where. */
export function formatSummary(compliance: Compliance): string {
  const header = ['Yêu cầu / requirement', ...COLUMNS.map(([, label]) => label)];
  const rows = compliance.requirements.map((r) => [r.id, ...COLUMNS.map(([status]) => String(r.byStatus[status] ?? 0))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [`Đơn vị / units: ${compliance.units}`, line(header), ...rows.map(line)].join('\n');
}
