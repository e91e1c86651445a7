// TanStack Query hooks for the learner's record (docs/api.md, "The learner's record"): one
// learner's trainings, the centres linked to them, removing a link, and revoking a
// certificate (which the trainings list and both certificate tables show).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Certificate as CertificateSchema } from '../../../domain/certificates';
import type { LearnerEnrolment as EnrolmentSchema, LearnerLinkDetail as LinkSchema } from '../../../domain/learner-record';
import { apiGet, apiSend } from '../../lib/api';

export type LearnerEnrolment = z.output<typeof EnrolmentSchema>;
export type LearnerLinkDetail = z.output<typeof LinkSchema>;
type Certificate = z.output<typeof CertificateSchema>;

/** The server names courses and centres in the request's language: a switch reads them again. */
export function useLearnerEnrolments(learnerId: string | undefined, lang: string) {
  return useQuery({
    queryKey: ['learners', 'enrolments', learnerId, lang],
    queryFn: () => apiGet<{ items: LearnerEnrolment[] }>(`/api/learners/${encodeURIComponent(learnerId!)}/enrolments`),
    enabled: !!learnerId,
  });
}

export function useLearnerLinks(learnerId: string | undefined) {
  return useQuery({
    queryKey: ['learners', 'links', learnerId],
    queryFn: () => apiGet<{ items: LearnerLinkDetail[] }>(`/api/learners/${encodeURIComponent(learnerId!)}/links`),
    enabled: !!learnerId,
  });
}

/** Remove a link; the caller decides what to read again (it may have lost sight of the learner). */
export function useRemoveLink() {
  return useMutation({
    mutationFn: (link: Pick<LearnerLinkDetail, 'id' | 'version'>) =>
      apiSend<LearnerLinkDetail>('POST', `/api/learners/links/${encodeURIComponent(link.id)}/archive`, { version: link.version }),
  });
}

export function useRevokeCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiSend<Certificate>('POST', `/api/certificates/${encodeURIComponent(id)}/revoke`, { reason }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: ['certificates'] }),
      client.invalidateQueries({ queryKey: ['learners', 'enrolments'] }),
    ]),
  });
}
