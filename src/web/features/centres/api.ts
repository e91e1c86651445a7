// TanStack Query hooks for /api/centres.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Page } from '../../lib/api';
import type { Lang, Names } from '../../lib/names';
import type { Centre, CentreType, Connectivity } from '../../lib/types';

export interface CentreFilter {
  q?: string;
  orgUnit?: string;
  type?: string;
  connectivity?: string;
  includeArchived?: boolean;
}

export function useCentreList(filter: CentreFilter) {
  return useInfiniteQuery({
    queryKey: ['centres', 'list', filter],
    queryFn: ({ pageParam }) =>
      apiGet<Page<Centre>>('/api/centres', {
        q: filter.q || undefined,
        orgUnit: filter.orgUnit || undefined,
        type: filter.type || undefined,
        connectivity: filter.connectivity || undefined,
        includeArchived: filter.includeArchived || undefined,
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCentre(id: string | undefined) {
  return useQuery({
    queryKey: ['centres', 'one', id],
    queryFn: () => apiGet<Centre>(`/api/centres/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export interface CentreInput {
  code: string;
  type: CentreType;
  name: Names;
  orgUnitId: string | null;
  address: string;
  lat: number | null;
  lon: number | null;
  phone: string;
  email: string;
  facilitators: string[];
  openedOn: string;
  connectivity: Connectivity;
  computers: number | null;
  languages: Lang[];
  openingHours: string;
}

/** Empty strings become null: the API distinguishes "none" from "not sent". */
export function toBody(input: CentreInput): Record<string, unknown> {
  const blank = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    code: input.code.trim(),
    type: input.type,
    name: { kk: input.name.kk.trim(), ru: input.name.ru.trim(), en: input.name.en.trim() },
    orgUnitId: input.orgUnitId,
    address: blank(input.address),
    lat: input.lat,
    lon: input.lon,
    phone: blank(input.phone),
    email: blank(input.email),
    facilitators: input.facilitators.map((f) => f.trim()).filter(Boolean),
    openedOn: blank(input.openedOn),
    connectivity: input.connectivity,
    computers: input.computers,
    languages: input.languages,
    openingHours: blank(input.openingHours),
  };
}

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['centres'] }),
    client.invalidateQueries({ queryKey: ['org-units'] }),
    client.invalidateQueries({ queryKey: ['partnerships'] }),
  ]);
}

export function useSaveCentre() {
  const invalidate = useInvalidate();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: string; body: Record<string, unknown> }) =>
      id
        ? apiSend<Centre>('PATCH', `/api/centres/${encodeURIComponent(id)}`, { version, ...body })
        : apiSend<Centre>('POST', '/api/centres', body),
    onSuccess: (saved) => {
      client.setQueryData(['centres', 'one', saved.id], saved);
      return invalidate();
    },
  });
}

export function useArchiveCentre() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: string; action: 'archive' | 'restore' }) =>
      apiSend<Centre>('POST', `/api/centres/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: () => invalidate(),
  });
}
