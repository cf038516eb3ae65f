import type { JSX } from 'preact';
import type { Status } from '../api/views.ts';
import { STATUS_LABELS } from '../format/labels.ts';

export function StatusBadge({ status }: { status: Status }): JSX.Element {
  return (
    <span class={`badge s-${status}`} data-testid="status-badge" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
