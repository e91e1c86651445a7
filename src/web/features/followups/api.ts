// TanStack Query hooks for the follow-up worklist, outcomes and the follow-up
// intervals (docs/api.md, "visits, follow-ups and outcomes"). Paths carry ids only.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Page } from '../../lib/api';
import type { FollowUpPage, FollowUpSettings, Outcome, OutcomeSummary } from './model';

export function useFollowUps(filter: { centre: string | null; dueFrom?: string; dueBefore?: string }) {
  return useInfiniteQuery({
    queryKey: ['follow-ups', 'list', filter],
    queryFn: ({ pageParam }) => apiGet<FollowUpPage>('/api/follow-ups', {
      centre: filter.centre ?? undefined, dueFrom: filter.dueFrom, dueBefore: filter.dueBefore, limit: 50, cursor: pageParam,
    }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOutcomes(filter: { centre: string | null; includeArchived: boolean }) {
  return useInfiniteQuery({
    queryKey: ['outcomes', 'list', filter],
    queryFn: ({ pageParam }) => apiGet<Page<Outcome>>('/api/outcomes', {
      centre: filter.centre ?? undefined, includeArchived: filter.includeArchived || undefined, limit: 50, cursor: pageParam,
    }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOutcomeSummary(centre: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['outcomes', 'summary', centre, from, to],
    queryFn: () => apiGet<OutcomeSummary>('/api/outcomes/summary', { centre: centre ?? undefined, from, to }),
    enabled: !!from && !!to && from <= to,
    placeholderData: keepPreviousData,
  });
}

export function useFollowUpSettings() {
  return useQuery({
    queryKey: ['settings', 'follow-ups'],
    queryFn: () => apiGet<FollowUpSettings>('/api/settings/follow-ups'),
    staleTime: 5 * 60_000,
  });
}

/** An outcome changes the worklist, the outcome lists and the summary. */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['follow-ups'] }),
    client.invalidateQueries({ queryKey: ['outcomes'] }),
  ]);
}

export function useSaveOutcome() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: string; body: Record<string, unknown> }) =>
      id
        ? apiSend<Outcome>('PATCH', `/api/outcomes/${encodeURIComponent(id)}`, { version, ...body })
        : apiSend<Outcome>('POST', '/api/outcomes', body),
    onSuccess: () => refresh(),
  });
}

export function useArchiveOutcome() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: string; action: 'archive' | 'restore' }) =>
      apiSend<Outcome>('POST', `/api/outcomes/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: () => refresh(),
  });
}

export function useSaveFollowUpSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (months: number[]) => apiSend<FollowUpSettings>('PUT', '/api/settings/follow-ups', { months }),
    onSuccess: (saved) => {
      client.setQueryData(['settings', 'follow-ups'], saved);
      return client.invalidateQueries({ queryKey: ['follow-ups'] });
    },
  });
}
