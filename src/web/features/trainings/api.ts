// TanStack Query hooks for trainings, meetings, enrolment, attendance sheets and
// certificates (docs/api.md, "Learning (issue 4)"). Learner names come back in
// enrolment lists and sheets only; none of them ever goes into a URL.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Certificate as CertificateSchema } from '../../../domain/certificates';
import type {
  AttendanceView as AttendanceViewSchema, DropResult as DropResultSchema, Enrolment as EnrolmentSchema,
  EnrolmentList as EnrolmentListSchema, Meeting as MeetingSchema, Training as TrainingSchema,
  TrainingDetail as TrainingDetailSchema,
} from '../../../domain/trainings';
import { useArchiveRecord, useSaveRecord, useRecordList } from '../../lib/records';
import { apiGet, apiSend, type Page } from '../../lib/api';

export type Training = z.output<typeof TrainingSchema>;
export type TrainingDetail = z.output<typeof TrainingDetailSchema>;
export type Meeting = z.output<typeof MeetingSchema>;
export type Enrolment = z.output<typeof EnrolmentSchema>;
export type EnrolmentList = z.output<typeof EnrolmentListSchema>;
export type DropResult = z.output<typeof DropResultSchema>;
export type AttendanceView = z.output<typeof AttendanceViewSchema>;
export type Certificate = z.output<typeof CertificateSchema>;

export interface TrainingFilter {
  centre?: string;
  course?: string;
  from?: string;
  to?: string;
  mine?: boolean;
  includeArchived?: boolean;
}

export const useTrainingList = (filter: TrainingFilter, enabled = true) =>
  useRecordList<Training>('trainings', '/api/trainings', { ...filter }, enabled);

export function useTraining(id: string | undefined) {
  return useQuery({
    queryKey: ['trainings', 'one', id],
    queryFn: () => apiGet<TrainingDetail>(`/api/trainings/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useEnrolments(trainingId: string | undefined) {
  return useQuery({
    queryKey: ['trainings', 'enrolments', trainingId],
    queryFn: () => apiGet<EnrolmentList>(`/api/trainings/${encodeURIComponent(trainingId!)}/enrolments`),
    enabled: !!trainingId,
  });
}

export function useCertificates(filter: { training?: string; learner?: string }) {
  return useQuery({
    queryKey: ['certificates', 'list', filter],
    queryFn: () => apiGet<Page<Certificate>>('/api/certificates', { ...filter, limit: 200 }),
    enabled: !!(filter.training || filter.learner),
  });
}

export function useAttendance(meetingId: string | undefined) {
  return useQuery({
    queryKey: ['attendance', meetingId],
    queryFn: () => apiGet<AttendanceView>(`/api/meetings/${encodeURIComponent(meetingId!)}/attendance`),
    enabled: !!meetingId,
    // The sheet is edited in place: no background refetch moves marks under the user's hands,
    // and nothing is kept once the page is left, so opening it again reads the latest marks.
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** After any change to a training, its meetings, seats or marks, everything about trainings is read again. */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['trainings'] }),
    client.invalidateQueries({ queryKey: ['certificates'] }),
  ]);
}

/** A training's changes show in its meetings, seats and certificates: read those again too. */
const TRAINING_VIEWS = ['trainings', 'certificates'];
export const useSaveTraining = () => useSaveRecord<TrainingDetail>('/api/trainings', 'trainings', TRAINING_VIEWS);
export const useArchiveTraining = () => useArchiveRecord<TrainingDetail>('/api/trainings', 'trainings', TRAINING_VIEWS);

export interface MeetingBody { date: string; startTime: string; hours: number }

export function useSaveMeeting(trainingId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: string; body: Partial<MeetingBody> }) =>
      id
        ? apiSend<Meeting>('PATCH', `/api/meetings/${encodeURIComponent(id)}`, { version, ...body })
        : apiSend<Meeting>('POST', `/api/trainings/${encodeURIComponent(trainingId)}/meetings`, body),
    onSuccess: () => refresh(),
  });
}

export function useArchiveMeeting() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: string; action: 'archive' | 'restore' }) =>
      apiSend<Meeting>('POST', `/api/meetings/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: () => refresh(),
  });
}

export function useEnrol(trainingId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (learnerIds: string[]) =>
      apiSend<{ items: Enrolment[] }>('POST', `/api/trainings/${encodeURIComponent(trainingId)}/enrolments`, { learnerIds }),
    onSuccess: () => refresh(),
  });
}

export function useDrop() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (e: Pick<Enrolment, 'id' | 'version'>) =>
      apiSend<DropResult>('POST', `/api/enrolments/${encodeURIComponent(e.id)}/drop`, { version: e.version }),
    onSuccess: () => refresh(),
  });
}

export function useComplete() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (e: Pick<Enrolment, 'id' | 'version'>) =>
      apiSend<Enrolment>('POST', `/api/enrolments/${encodeURIComponent(e.id)}/complete`, { version: e.version }),
    onSuccess: () => refresh(),
  });
}

export function useIssueCertificate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ enrolmentId, language }: { enrolmentId: string; language: 'kk' | 'ru' | 'en' }) =>
      apiSend<Certificate>('POST', `/api/enrolments/${encodeURIComponent(enrolmentId)}/certificate`, { language }),
    onSuccess: () => refresh(),
  });
}

export interface SheetBody { version: string; marks: { learnerId: string; present: boolean; hours?: number }[] }

export function useSaveAttendance(meetingId: string) {
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: SheetBody) =>
      apiSend<AttendanceView>('PUT', `/api/meetings/${encodeURIComponent(meetingId)}/attendance`, body),
    onSuccess: (saved) => {
      client.setQueryData(['attendance', meetingId], saved);
      return refresh();
    },
  });
}

/** Where a certificate's PDF is downloaded (the session cookie is enough for a GET). */
export const certificatePdfUrl = (c: Pick<Certificate, 'id'>) => `/api/certificates/${encodeURIComponent(c.id)}/pdf`;
