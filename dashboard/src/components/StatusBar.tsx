import type { JSX } from 'preact';
import type { Status, StatusCounts } from '../api/views.ts';
import { STATUS_LABELS, STATUS_ORDER } from '../format/labels.ts';
import { count, percent, share } from '../format/numbers.ts';

/** Units by status as one stacked bar; the label reads the same figures to a screen reader. */
export function StatusBar({ counts }: { counts: StatusCounts }): JSX.Element {
  const parts = STATUS_ORDER.flatMap((status: Status) => {
    const n = counts.byStatus[status] ?? 0;
    return n > 0 ? [{ status, n }] : [];
  });
  const label = parts.map(({ status, n }) => `${STATUS_LABELS[status]}: ${count(n)}`).join(', ');
  return (
    <div class="stack" role="img" aria-label={`${count(counts.units)} đơn vị — ${label || 'chưa có đơn vị'}`} data-testid="status-bar">
      {parts.map(({ status, n }) => (
        <span
          key={status}
          class={`seg s-${status}`}
          style={{ width: `${share(n, counts.units)}%` }}
          title={`${STATUS_LABELS[status]}: ${count(n)} (${percent(Math.round(share(n, counts.units) * 10) / 10)})`}
        />
      ))}
    </div>
  );
}
