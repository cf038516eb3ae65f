import type { JSX } from 'preact';
import type { CalendarEntry, CalendarView } from '../api/views.ts';
import { Pending } from '../components/feedback.tsx';
import { OfficePicker } from '../components/OfficePicker.tsx';
import { count, percent, share } from '../format/numbers.ts';
import { Link, requirementUnitsHref, type Location } from '../router.tsx';
import { useSession } from '../session.ts';
import { useResource } from '../use-resource.ts';
import { byWeek } from './calendar-weeks.ts';
import { usePageTitle } from '../page-title.ts';

export function CalendarPage({ location }: { location: Location }): JSX.Element {
  const { me } = useSession();
  const office = location.query.get('office') ?? '';
  const calendar = useResource<CalendarView>(`/api/calendar${office ? `?office=${encodeURIComponent(office)}` : ''}`);
  const weeks = calendar.data ? byWeek(calendar.data.entries) : undefined;
  usePageTitle('Lịch hạn sắp tới');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Lịch hạn sắp tới
      </h1>
      {me.kind === 'department' ? <OfficePicker path="/lich" department={me.code} office={office} ready={weeks !== undefined} /> : null}
      {weeks === undefined ? <Pending error={calendar.error} what="lịch" /> : null}
      {weeks?.length === 0 ? <p>Không còn hạn nào sắp tới.</p> : null}
      {weeks?.map((week) => (
        <section key={week.monday} class="week" aria-labelledby={`w-${week.monday}`} data-testid="calendar-week">
          <h2 id={`w-${week.monday}`}>Tuần {week.label}</h2>
          {week.days.map((day) => (
            <div key={day.label} class="day">
              <h3>{day.label}</h3>
              <ul class="agenda">
                {day.entries.map((e) => (
                  <Entry key={`${e.at}/${e.requirement}/${e.appliesTo}`} entry={e} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function Entry({ entry: e }: { entry: CalendarEntry }): JSX.Element {
  const done = 100 - share(e.behind, e.units);
  return (
    <li class="card" data-testid="calendar-entry" data-requirement={e.requirement}>
      <p class="when">
        <strong>{e.text}</strong>
      </p>
      <p>{e.requirementTitle}</p>
      <p class="muted small">
        {e.dispatch}
        {e.appliesTo ? ` · ${e.appliesTo}` : ''}
      </p>
      <p>
        {e.behind > 0 ? (
          <Link href={requirementUnitsHref(e.requirement, 'due_soon')}>
            Còn {count(e.behind)}/{count(e.units)} đơn vị chưa hoàn thành
          </Link>
        ) : (
          `Cả ${count(e.units)} đơn vị đã hoàn thành`
        )}
        <meter min={0} max={100} value={done} aria-label={`Đã hoàn thành ${percent(Math.round(done))}`} />
      </p>
    </li>
  );
}
