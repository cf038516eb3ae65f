import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/* The page keeps real URLs (emails link to /units/<code>?requirement=<id>) and moves between them with the history API. */
const CHANGE = 'dondoc:navigate';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function navigate(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = (): void => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children: ComponentChildren };

/** An anchor that stays in the page on a plain click and behaves as a link otherwise (new tab, copy address). */
export function Link({ href, children, ...rest }: LinkProps): JSX.Element {
  const onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

export const unitHref = (code: string, requirement?: string): string =>
  `/units/${encodeURIComponent(code)}${requirement === undefined ? '' : `?requirement=${encodeURIComponent(requirement)}`}`;
export const officeHref = (code: string): string => `/don-vi/${encodeURIComponent(code)}`;
export const requirementUnitsHref = (requirement: string, status: string): string =>
  `/yeu-cau/${encodeURIComponent(requirement)}?status=${encodeURIComponent(status)}`;
