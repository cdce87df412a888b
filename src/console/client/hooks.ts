// Data loading for pages: one request per path, re-run on demand after a change. Data always
// belongs to the path it was loaded for: after navigating, nothing of the previous page shows
// (or can be acted on) while the new one loads.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; resolves once the new data (or error) is in place. */
  reload(): Promise<void>;
}

interface State<T> {
  path: string | null;
  data?: T;
  error?: ApiError;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<State<T>>({ path: null });
  const current = useRef(path);
  current.current = path;
  const load = useCallback(async () => {
    if (path === null) return;
    try {
      const data = await get<T>(path);
      if (current.current === path) setState({ path, data });
    } catch (err) {
      if (current.current === path) setState({ path, error: asApiError(err) });
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  const fresh = state.path === path;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: path !== null && !fresh, reload: load };
}

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, err instanceof Error ? err.message : String(err));
}

/** Runs an action, keeping its error and busy state for the form that triggered it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (err) {
      setError(asApiError(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
