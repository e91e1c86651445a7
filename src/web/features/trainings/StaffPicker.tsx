// Trainers and volunteers: staff accounts of the training's centre or of a unit
// above it (GET /api/trainings/staff lists them; the server checks again on save,
// `not_centre_staff`). Until a centre is chosen only oneself is offered, with
// whoever is already named on the training.
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../lib/api';
import { useUser } from '../../lib/auth';

export interface StaffRef { id: string; displayName: string }

export function StaffPicker({ centreId, label, description, value, known, onChange, error }: {
  /** The training's centre: whose staff may be named. */
  centreId: string | null;
  label: string;
  description?: string;
  value: string[];
  /** People already named on the training (their names for the chips). */
  known: StaffRef[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['trainings', 'staff', centreId, debounced],
    queryFn: () => apiGet<{ items: StaffRef[] }>('/api/trainings/staff', { centre: centreId!, q: debounced || undefined, limit: 20 }),
    enabled: !!centreId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const seen = new Map<string, string>();
    seen.set(user.id, user.displayName);
    for (const s of known) seen.set(s.id, s.displayName);
    for (const s of found.data?.items ?? []) seen.set(s.id, s.displayName);
    return [...seen].map(([id, name]) => ({ value: id, label: id === user.id ? t('trainings.me', { name }) : name }));
  }, [user, known, found.data, t]);

  return (
    <MultiSelect
      label={label}
      description={description ?? (centreId ? undefined : t('trainings.staffHelp'))}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('common.nothingFound')}
      clearable
      error={error}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
