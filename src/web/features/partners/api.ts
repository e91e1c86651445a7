// TanStack Query hooks for /api/partners.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRecordList } from '../../lib/records';
import { apiGet, apiSend } from '../../lib/api';
import type { Names } from '../../lib/names';
import type { Partner, PartnerKind } from '../../lib/types';

export const usePartnerList = (filter: { q?: string; kind?: string; includeArchived?: boolean }) =>
  useRecordList<Partner>('partners', '/api/partners', filter);

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: ['partners', 'one', id],
    queryFn: () => apiGet<Partner>(`/api/partners/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export interface PartnerInput {
  kind: PartnerKind;
  name: Names;
  orgUnitId: string | null;
  address: string;
  phone: string;
  email: string;
  website: string;
  note: string;
}

export function usePartnerMutations() {
  const client = useQueryClient();
  const invalidate = () => Promise.all([
    client.invalidateQueries({ queryKey: ['partners'] }),
    client.invalidateQueries({ queryKey: ['partnerships'] }),
  ]);
  const save = useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: string; input: PartnerInput }) => {
      const blank = (s: string) => (s.trim() === '' ? null : s.trim());
      const body = {
        kind: input.kind,
        name: { kk: input.name.kk.trim(), ru: input.name.ru.trim(), en: input.name.en.trim() },
        orgUnitId: input.orgUnitId,
        address: blank(input.address),
        phone: blank(input.phone),
        email: blank(input.email),
        website: blank(input.website),
        note: blank(input.note),
      };
      return id
        ? apiSend<Partner>('PATCH', `/api/partners/${encodeURIComponent(id)}`, { version, ...body })
        : apiSend<Partner>('POST', '/api/partners', body);
    },
    onSuccess: (saved) => {
      client.setQueryData(['partners', 'one', saved.id], saved);
      return invalidate();
    },
  });
  const archive = useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: string; action: 'archive' | 'restore' }) =>
      apiSend<Partner>('POST', `/api/partners/${encodeURIComponent(id)}/${action}`, { version }),
    onSuccess: () => invalidate(),
  });
  return { save, archive };
}
