// TanStack Query hooks for /api/visits (docs/api.md, "visits, follow-ups and outcomes").
// A learner's name never goes into a path or a query key beyond the search box's own
// `?q=` (the learners' contract); visits are looked up by centre, day and period.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Page } from '../../lib/api';
import type { PerPurpose, Purpose, Visit, VisitDay, VisitSummary } from './model';

export function useVisitDay(centre: string | null, date: string) {
  return useQuery({
    queryKey: ['visits', 'day', centre, date],
    queryFn: () => apiGet<VisitDay>('/api/visits/day', { centre: centre!, date }),
    enabled: !!centre && !!date,
  });
}

export function useVisitSummary(centre: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['visits', 'summary', centre, from, to],
    queryFn: () => apiGet<VisitSummary>('/api/visits/summary', { centre: centre!, from, to }),
    enabled: !!centre && !!from && !!to && from <= to,
    placeholderData: keepPreviousData,
  });
}

/** The centre's entries, newest day first (the page sums them per day). */
export function useVisitList(centre: string | null) {
  return useInfiniteQuery({
    queryKey: ['visits', 'list', centre],
    queryFn: ({ pageParam }) => apiGet<Page<Visit>>('/api/visits', { centre: centre!, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!centre,
  });
}

function useRefreshVisits() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['visits'] });
}

/** One PUT for the whole day's tally. */
export function useSaveDay() {
  const refresh = useRefreshVisits();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { centreId: string; date: string; counts: Partial<PerPurpose> }) =>
      apiSend<VisitDay>('PUT', '/api/visits/day', body),
    onSuccess: (day, body) => {
      client.setQueryData(['visits', 'day', body.centreId, body.date], day);
      return refresh();
    },
  });
}

/** A registered learner's visit (once per day and purpose: a repeat answers the entry already there). */
export function useRecordLearnerVisit() {
  const refresh = useRefreshVisits();
  return useMutation({
    mutationFn: (body: { centreId: string; date: string; purpose: Purpose; learnerId: string }) =>
      apiSend<Visit>('POST', '/api/visits', body),
    onSuccess: () => refresh(),
  });
}
