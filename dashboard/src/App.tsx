import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { MeView } from './api/views.ts';
import { ErrorBanner } from './components/feedback.tsx';
import { Header } from './Header.tsx';
import { useLocation, type Location } from './router.tsx';
import { useSession } from './session.ts';
import { AppendixPage } from './views/AppendixPage.tsx';
import { CalendarPage } from './views/CalendarPage.tsx';
import { OverduePage } from './views/OverduePage.tsx';
import { Overview } from './views/Overview.tsx';
import { RequirementUnitsPage } from './views/RequirementUnitsPage.tsx';
import { UnitPage } from './views/UnitPage.tsx';
import { UnitsDrill } from './views/UnitsDrill.tsx';
import { UploadPage } from './views/UploadPage.tsx';

function segment(match: RegExpExecArray, i: number): string | undefined {
  const raw = match[i];
  try {
    return raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function page(location: Location, me: MeView): JSX.Element {
  const { path, query } = location;
  if (path === '/') return <Overview location={location} />;
  if (path === '/phu-luc') return <AppendixPage />;
  if (path === '/qua-han') return <OverduePage location={location} />;
  if (path === '/lich') return <CalendarPage location={location} />;
  if (path === '/tai-len') return <UploadPage />;
  if (path === '/don-vi') return me.kind === 'unit' ? <UnitPage code={me.code} requirement={null} /> : <UnitsDrill code={me.code} />;
  const office = /^\/don-vi\/([^/]+)\/?$/.exec(path);
  const officeCode = office && segment(office, 1);
  if (officeCode) return <UnitsDrill key={officeCode} code={officeCode} />;
  const unit = /^\/units\/([^/]+)\/?$/.exec(path);
  const unitCode = unit && segment(unit, 1);
  if (unitCode) return <UnitPage key={unitCode} code={unitCode} requirement={query.get('requirement')} />;
  const requirement = /^\/yeu-cau\/(.+)$/.exec(path);
  const requirementId = requirement && segment(requirement, 1);
  if (requirementId) return <RequirementUnitsPage requirement={requirementId} status={query.get('status')} />;
  return (
    <section>
      <h1 id="page-title" tabIndex={-1}>
        Không tìm thấy trang
      </h1>
      <ErrorBanner error={`Không có trang ${path}.`} />
    </section>
  );
}

export function App(): JSX.Element {
  const location = useLocation();
  const { me } = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a navigation, keyboard and screen-reader users land on the new page's heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('#page-title')?.focus();
  }, [location.path]);
  return (
    <>
      <a class="skip" href="#main">
        Bỏ qua thanh điều hướng
      </a>
      <Header path={location.path} />
      <main id="main" ref={main}>
        {page(location, me)}
      </main>
    </>
  );
}
