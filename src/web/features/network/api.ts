// TanStack Query hooks for /api/org-units.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Page } from '../../lib/api';
import type { Names } from '../../lib/names';
import type { OrgUnit, OrgUnitKind } from '../../lib/types';

const PAGE = 50;

export function useOrgUnit(id: string | undefined) {
  return useQuery({
    queryKey: ['org-units', 'one', id],
    queryFn: () => apiGet<OrgUnit>(`/api/org-units/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** Children of a unit, or (with `q`) a search across the reader's whole scope. */
export function useOrgUnitList(filter: { parent?: string; q?: string; includeArchived?: boolean }, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['org-units', 'list', filter],
    queryFn: ({ pageParam }) =>
      apiGet<Page<OrgUnit>>('/api/org-units', {
        parent: filter.q ? undefined : filter.parent,
        q: filter.q || undefined,
        includeArchived: filter.includeArchived || undefined,
        limit: PAGE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export interface OrgUnitInput {
  code: string;
  kind: OrgUnitKind;
  parentId: string | null;
  name: Names;
  aliases: string[];
  lat: number | null;
  lon: number | null;
}

function useInvalidateUnits() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['org-units'] }),
    client.invalidateQueries({ queryKey: ['centres'] }),
  ]);
}

export function useSaveOrgUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: string; input: OrgUnitInput }) => {
      if (!id) return apiSend<OrgUnit>('POST', '/api/org-units', input);
      const { kind: _kind, ...rest } = input;
      return apiSend<OrgUnit>('PATCH', `/api/org-units/${encodeURIComponent(id)}`, { version, ...rest });
    },
    onSuccess: () => invalidate(),
  });
}

export function useArchiveOrgUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: string; action: 'archive' | 'restore' }) =>
      apiSend<OrgUnit>('POST', `/api/org-units/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: () => invalidate(),
  });
}
