// Saving and archiving one record, the same for every kind of record: the answer (the
// record as saved) goes into its `[kind, 'one', id]` cache at once, then every query under
// the `refresh` keys is read again (lists, counts, whatever shows the record).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from './api';

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
