import { useEffect } from 'preact/hooks';

/** The tab's title follows the page: it is what a screen reader announces after a navigation and what history lists. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — dondoc`;
  }, [title]);
}
