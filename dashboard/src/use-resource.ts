import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { ApiError } from './api/client.ts';
import { useSession } from './session.ts';

export interface Resource<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/** GETs an API path and follows it when it changes; an answer to an older path is dropped. */
export function useResource<T>(path: string | null): Resource<T> {
  const { api } = useSession();
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path: null });
  const [round, setRound] = useState(0);
  // A layout effect starts the request right after render; a plain effect waits for the next frame, a visible delay on load.
  useLayoutEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    api.get<T>(path, controller.signal).then(
      (data) => setState({ path, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ path, error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', 'Không đọc được câu trả lời của máy chủ.') });
      },
    );
    return () => controller.abort();
  }, [api, path, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const fresh = state.path === path;
  return { ...(fresh && state.data !== undefined ? { data: state.data } : {}), ...(fresh && state.error ? { error: state.error } : {}), loading: path !== null && !fresh, reload };
}
