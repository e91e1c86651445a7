// TanStack Query hooks for /api/partnerships.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Page } from '../../lib/api';
import type { Partnership } from '../../lib/types';

export function usePartnerships(filter: { centre?: string; partner?: string; includeArchived?: boolean }) {
  return useInfiniteQuery({
    queryKey: ['partnerships', 'list', filter],
    queryFn: ({ pageParam }) =>
      apiGet<Page<Partnership>>('/api/partnerships', {
        centre: filter.centre,
        partner: filter.partner,
        includeArchived: filter.includeArchived || undefined,
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface PartnershipInput {
  centreId: string | null;
  partnerId: string | null;
  role: string;
  startDate: string;
  endDate: string;
  note: string;
}

export function useSavePartnership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: string; input: PartnershipInput }) => {
      const body = {
        role: input.role.trim(),
        startDate: input.startDate || null,
        endDate: input.endDate || null,
        note: input.note.trim() || null,
      };
      return id
        ? apiSend<Partnership>('PATCH', `/api/partnerships/${encodeURIComponent(id)}`, { version, ...body })
        : apiSend<Partnership>('POST', '/api/partnerships', { centreId: input.centreId, partnerId: input.partnerId, ...body });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['partnerships'] }),
  });
}

export function useArchivePartnership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: string; action: 'archive' | 'restore' }) =>
      apiSend<Partnership>('POST', `/api/partnerships/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['partnerships'] }),
  });
}
