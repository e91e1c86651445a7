// TanStack Query hooks for /api/courses (docs/api.md, "Learning"): the national
// catalogue and the centres' own courses.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Course as CourseSchema } from '../../../domain/learning';
import { useArchiveRecord, useSaveRecord, useRecordList } from '../../lib/records';
import { apiGet } from '../../lib/api';
import type { User } from '../../lib/types';

export type Course = z.output<typeof CourseSchema>;

export interface CourseFilter {
  q?: string;
  category?: string;
  catalogue?: 'national' | 'centres' | '';
  includeArchived?: boolean;
}

export const useCourseList = (filter: CourseFilter) => useRecordList<Course>('courses', '/api/courses', { ...filter });

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: ['courses', 'one', id],
    queryFn: () => apiGet<Course>(`/api/courses/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export const useSaveCourse = () => useSaveRecord<Course>('/api/courses', 'courses');
export const useArchiveCourse = () => useArchiveRecord<Course>('/api/courses', 'courses');

const NATIONAL_EDITORS = ['admin', 'national'];

/**
 * May change this course, as the server decides (docs/decisions/0011): the national
 * catalogue only admin and national staff; a centre's own course the staff who can see it
 * (its centre and the coordinators above it — anyone else gets 404 and never sees it).
 */
export function canEditCourse(user: User, course: Pick<Course, 'national'>): boolean {
  return course.national ? NATIONAL_EDITORS.includes(user.role) : true;
}

/** May add to the national catalogue (others add courses of a centre). */
export const canWriteNational = (user: User): boolean => NATIONAL_EDITORS.includes(user.role);
