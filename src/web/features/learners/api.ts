// TanStack Query hooks for /api/learners (docs/api.md, "Learning"). Learners are
// personal data: names travel only in the query strings the contract names
// (`?q=`, `/matches`), never in a path; query keys live in memory and are
// dropped at sign-out (lib/auth.tsx).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Learner as LearnerSchema, LearnerMatch as LearnerMatchSchema } from '../../../domain/learning';
import type { LearnerLink as LearnerLinkSchema, LearnerMergeRecord as LearnerMergeSchema } from '../../../domain/merge';
import { useArchiveRecord, useSaveRecord, useRecordList } from '../../lib/records';
import { apiGet, apiSend } from '../../lib/api';

export type Learner = z.output<typeof LearnerSchema>;
export type LearnerMatch = z.output<typeof LearnerMatchSchema>;

export interface LearnerFilter {
  /** Kept in component state only: a name is personal data, not for the address bar. */
  q?: string;
  centre?: string;
  includeArchived?: boolean;
}

export const useLearnerList = (filter: LearnerFilter) => useRecordList<Learner>('learners', '/api/learners', { ...filter });

export function useLearner(id: string | undefined) {
  return useQuery({
    queryKey: ['learners', 'one', id],
    queryFn: () => apiGet<Learner>(`/api/learners/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** What the duplicate check is asked: only facts worth comparing (whole phone, whole IIN). */
export interface MatchQuery {
  lastName?: string;
  firstName?: string;
  middleName?: string;
  birthDate?: string;
  phone?: string;
  iin?: string;
  exclude?: string;
}

/** Likely duplicates across the network; `query` null = not enough typed yet. */
export function useLearnerMatches(query: MatchQuery | null) {
  return useQuery({
    queryKey: ['learners', 'matches', query],
    queryFn: () => apiGet<{ items: LearnerMatch[] }>('/api/learners/matches', { ...query }),
    enabled: query !== null,
    // A check that failed must not hold the facilitator up: no retries, a quiet note.
    retry: false,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['learners'] });
}

export const useSaveLearner = () => useSaveRecord<Learner>('/api/learners', 'learners');
export const useArchiveLearner = () => useArchiveRecord<Learner>('/api/learners', 'learners');

// ------------------------------------------------------------ merge and link (decision 0019)

export type LearnerMergeRecord = z.output<typeof LearnerMergeSchema>;
export type LearnerLink = z.output<typeof LearnerLinkSchema>;
type MergeResult = { merge: LearnerMergeRecord; survivor: Learner };

/** The merges a learner survived or was merged away by, newest first. */
export function useLearnerMerges(learnerId: string | undefined) {
  return useQuery({
    queryKey: ['learners', 'merges', learnerId],
    queryFn: () => apiGet<{ items: LearnerMergeRecord[] }>('/api/learner-merges', { learner: learnerId }),
    enabled: !!learnerId,
  });
}

export function useMergeLearners() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ duplicate, survivor }: { duplicate: Learner; survivor: Learner }) =>
      apiSend<MergeResult>('POST', `/api/learners/${encodeURIComponent(duplicate.id)}/merge`, {
        intoId: survivor.id, version: duplicate.version, intoVersion: survivor.version,
      }),
    onSuccess: () => invalidate(),
  });
}

/**
 * Undo a merge. A plain function rather than a mutation hook: the "Undo" of the notification
 * outlives the dialog that merged, and a mutation's callbacks stop with its component.
 */
export function useUndoMerge() {
  const client = useQueryClient();
  return async (mergeId: string) => {
    const result = await apiSend<MergeResult>('POST', `/api/learner-merges/${encodeURIComponent(mergeId)}/undo`);
    await client.invalidateQueries({ queryKey: ['learners'] });
    return result;
  };
}

export function useLinkLearner() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { linkToken: string; centreId: string; consent: { date: string; version: string; guardianName?: string | null } }) =>
      apiSend<LearnerLink>('POST', '/api/learners/links', body),
    onSuccess: () => invalidate(),
  });
}
