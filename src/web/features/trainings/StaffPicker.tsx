// Trainers and volunteers: staff accounts of the training's centre or of a unit
// above it (the server checks, `not_centre_staff`). Only an administrator may
// list accounts (GET /api/users); everyone else can pick themselves and keep
// whoever is already named on the training.
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, type Page } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { isAdmin } from '../../lib/roles';
import type { User } from '../../lib/types';

export interface StaffRef { id: string; displayName: string }

export function StaffPicker({ label, description, value, known, onChange, error }: {
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
  const admin = isAdmin(user);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['users', 'search', debounced],
    queryFn: () => apiGet<Page<User>>('/api/users', { q: debounced || undefined, limit: 20 }),
    enabled: admin,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const seen = new Map<string, string>();
    seen.set(user.id, user.displayName);
    for (const s of known) seen.set(s.id, s.displayName);
    for (const u of found.data?.items ?? []) if (u.active && u.role !== 'employer' && u.role !== 'learner') seen.set(u.id, u.displayName);
    return [...seen].map(([id, name]) => ({ value: id, label: id === user.id ? t('trainings.me', { name }) : name }));
  }, [user, known, found.data, t]);

  return (
    <MultiSelect
      label={label}
      description={description ?? (admin ? undefined : t('trainings.staffHelp'))}
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
