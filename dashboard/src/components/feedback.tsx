import type { JSX } from 'preact';
import type { ApiError } from '../api/client.ts';

export function ErrorBanner({ error }: { error: ApiError | Error | string }): JSX.Element {
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div class="error-banner" role="alert" data-testid="error-banner">
      {message}
    </div>
  );
}

function Loading({ what }: { what: string }): JSX.Element {
  return (
    <p class="loading" role="status" aria-live="polite">
      Đang tải {what}…
    </p>
  );
}

/** What every data view shows before its data: the error if the API refused, else a loading line. */
export function Pending({ error, what }: { error: ApiError | undefined; what: string }): JSX.Element {
  return error ? <ErrorBanner error={error} /> : <Loading what={what} />;
}
