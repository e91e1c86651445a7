// A list page's filters live in the address (so a filtered list can be linked to and survives a
// reload); each change replaces the address instead of adding a step to the browser's history.
import { useSearchParams } from 'react-router';

export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  /** Sets one filter, or removes it when `value` is empty. */
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { params, setParam, clear };
}
