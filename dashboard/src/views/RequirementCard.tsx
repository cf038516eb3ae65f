import type { JSX } from 'preact';
import type { RequirementOverview, Status, StatusCounts } from '../api/views.ts';
import { StatusBar } from '../components/StatusBar.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { countdown } from '../format/vn-time.ts';
import { count, percent, share } from '../format/numbers.ts';
import { Link, requirementUnitsHref } from '../router.tsx';

/* The three figures a director reads first; each links to the units behind it (first status of the group). */
const FIGURES: ReadonlyArray<{ id: string; label: string; statuses: readonly Status[] }> = [
  { id: 'compliant', label: 'Đạt', statuses: ['compliant', 'compliant_late'] },
  { id: 'due-soon', label: 'Sắp đến hạn', statuses: ['due_soon'] },
  { id: 'overdue', label: 'Quá hạn', statuses: ['overdue', 'non_compliant'] },
];

function unitsIn(counts: StatusCounts, statuses: readonly Status[]): number {
  return statuses.reduce((sum, s) => sum + (counts.byStatus[s] ?? 0), 0);
}

export function RequirementCard({ requirement, asOf }: { requirement: RequirementOverview; asOf: number }): JSX.Element {
  const { counts } = requirement;
  return (
    <article class="card req-card" data-testid="req-card" data-requirement={requirement.id}>
      <h3>{requirement.title}</h3>
      <p class="muted small">{requirement.source}</p>
      <ul class="deadlines">
        {requirement.deadlines.map((d) => (
          <li key={d.at} data-testid="req-deadline">
            Hạn: <strong>{d.text}</strong>
            {d.appliesTo ? <span class="muted"> — {d.appliesTo}</span> : null}
          </li>
        ))}
      </ul>
      <p class={`countdown${requirement.nextDeadline === undefined ? ' past' : ''}`} data-testid="req-countdown">
        {requirement.nextDeadline === undefined ? 'Đã qua mọi hạn' : countdown(requirement.nextDeadline, asOf)}
      </p>
      <StatusBar counts={counts} />
      <dl class="figures">
        {FIGURES.map((f) => {
          const n = unitsIn(counts, f.statuses);
          const first = f.statuses.find((s) => (counts.byStatus[s] ?? 0) > 0) ?? f.statuses[0] ?? 'overdue';
          return (
            <div key={f.id} class={`fig fig-${f.id}`}>
              <dt>{f.label}</dt>
              <dd data-testid={`fig-${f.id}`} data-value={n}>
                {n > 0 ? <Link href={requirementUnitsHref(requirement.id, first)}>{count(n)}</Link> : count(n)}
                <span class="muted"> ({percent(Math.round(share(n, counts.units) * 10) / 10)})</span>
              </dd>
            </div>
          );
        })}
        <div class="fig">
          <dt>Đơn vị</dt>
          <dd data-testid="fig-units" data-value={counts.units}>
            {count(counts.units)}
          </dd>
        </div>
      </dl>
      <TrendChart points={requirement.trend} title={requirement.title} />
    </article>
  );
}
