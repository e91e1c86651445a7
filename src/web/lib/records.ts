// Lists, saving and archiving, the same for every kind of record. A list is read 50 at a
// time with the server's cursor under `[kind, 'list', filter]`. A saved record (the answer)
// goes into its `[kind, 'one', id]` cache at once, then every query under the `refresh` keys
// is read again (lists, counts, whatever shows the record).
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Page } from './api';

type Filter = Record<string, string | boolean | undefined>;

/**
 * A list endpoint's pages: the filter's fields are its query parameters (empty ones left out);
 * while a new filter loads, the last pages stay on screen.
 */
export function useRecordList<T>(kind: string, path: string, filter: Filter, enabled = true) {
  return useInfiniteQuery({
    queryKey: [kind, 'list', filter],
    queryFn: ({ pageParam }) => {
      const params: Record<string, string | boolean | number | undefined> = { limit: 50, cursor: pageParam };
      for (const [key, value] of Object.entries(filter)) params[key] = value || undefined;
      return apiGet<Page<T>>(path, params);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

interface SaveVars { id?: string; version?: string; body: Record<string, unknown> }
interface ArchiveVars { id: string; version: string; action: 'archive' | 'restore' }

function useSettle<T extends { id: string }>(kind: string, refresh: readonly string[]) {
  const client = useQueryClient();
  return (saved: T) => {
    client.setQueryData([kind, 'one', saved.id], saved);
    return Promise.all(refresh.map((key) => client.invalidateQueries({ queryKey: [key] })));
  };
}

/** POST `path` without an id, PATCH `path/id` with `{version, …body}` with one. */
export function useSaveRecord<T extends { id: string }>(path: string, kind: string, refresh: readonly string[] = [kind]) {
  const settle = useSettle<T>(kind, refresh);
  return useMutation({
    mutationFn: ({ id, version, body }: SaveVars) =>
      id ? apiSend<T>('PATCH', `${path}/${encodeURIComponent(id)}`, { version, ...body }) : apiSend<T>('POST', path, body),
    onSuccess: settle,
  });
}

/** POST `path/id/archive` or `/restore` with `{version}`. */
export function useArchiveRecord<T extends { id: string }>(path: string, kind: string, refresh: readonly string[] = [kind]) {
  const settle = useSettle<T>(kind, refresh);
  return useMutation({
    mutationFn: ({ id, version, action }: ArchiveVars) => apiSend<T>('POST', `${path}/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: settle,
  });
}
