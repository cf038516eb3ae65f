import type { JSX } from 'preact';
import type { OverviewView } from '../api/views.ts';
import { Pending } from '../components/feedback.tsx';
import { OfficePicker } from '../components/OfficePicker.tsx';
import { vnOfficial } from '../format/vn-time.ts';
import type { Location } from '../router.tsx';
import { useSession } from '../session.ts';
import { useResource } from '../use-resource.ts';
import { RequirementCard } from './RequirementCard.tsx';
import { usePageTitle } from '../page-title.ts';

export function Overview({ location }: { location: Location }): JSX.Element {
  const { me } = useSession();
  const office = location.query.get('office') ?? '';
  const overview = useResource<OverviewView>(`/api/overview${office ? `?office=${encodeURIComponent(office)}` : ''}`);
  const view = overview.data;
  // Countdowns run from the evaluation shown (a replayed day reads as it did then), not from the browser's clock.
  const asOf = view?.evaluatedAt ?? Date.now();
  usePageTitle(view && view.scope.kind !== 'department' ? `Tổng quan — ${view.scope.name}` : 'Tổng quan');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Tổng quan{view && view.scope.kind !== 'department' ? ` — ${view.scope.name}` : ''}
      </h1>
      {me.kind === 'department' ? <OfficePicker path="/" department={me.code} office={office} ready={view !== undefined} /> : null}
      {view ? (
        <>
          <p class="muted" data-testid="overview-evaluated">
            {view.evaluatedAt === undefined ? 'Chưa có lần đánh giá hằng ngày nào.' : `Số liệu của lần đánh giá lúc ${vnOfficial(view.evaluatedAt)}.`}
          </p>
          {view.dispatches.length === 0 ? <p>Không có công văn nào đang theo dõi.</p> : null}
          {view.dispatches.map((d) => (
            <section key={d.id} class="dispatch" aria-labelledby={`d-${d.id}`} data-testid="dispatch">
              <h2 id={`d-${d.id}`}>
                Công văn {d.number} ({d.date}) — {d.title}
              </h2>
              <p class="muted small">{d.issuer}</p>
              <div class="cards">
                {d.requirements.map((r) => (
                  <RequirementCard key={r.id} requirement={r} asOf={asOf} />
                ))}
              </div>
            </section>
          ))}
        </>
      ) : (
        <Pending error={overview.error} what="tổng quan" />
      )}
    </section>
  );
}
