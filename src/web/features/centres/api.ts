// TanStack Query hooks for /api/centres.
import { useQuery } from '@tanstack/react-query';
import { useArchiveRecord, useRecordList, useSaveRecord } from '../../lib/records';
import { apiGet } from '../../lib/api';
import type { Lang, Names } from '../../lib/names';
import type { Centre, CentreType, Connectivity } from '../../lib/types';

export interface CentreFilter {
  q?: string;
  orgUnit?: string;
  type?: string;
  connectivity?: string;
  includeArchived?: boolean;
}

export const useCentreList = (filter: CentreFilter) => useRecordList<Centre>('centres', '/api/centres', { ...filter });

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

/** What shows a centre: lists, the network tree, partnerships. */
const CENTRE_VIEWS = ['centres', 'org-units', 'partnerships'] as const;
export const useSaveCentre = () => useSaveRecord<Centre>('/api/centres', 'centres', CENTRE_VIEWS);
export const useArchiveCentre = () => useArchiveRecord<Centre>('/api/centres', 'centres', CENTRE_VIEWS);
