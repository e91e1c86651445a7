// A searchable select whose options come from a list endpoint (`?q=`): org
// units and partners. The server does the matching (across scripts), so the
// select shows what it answers and keeps the chosen option's label.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, type Page } from '../../lib/api';

export interface RemoteOption { value: string; label: string }

interface Props<T> extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  /** e.g. '/api/org-units' */
  path: string;
  params?: Record<string, string | number | boolean | undefined>;
  toOption: (item: T) => RemoteOption;
  value: string | null;
  /** The option of the current value, when it is known (an account's org unit). */
  initialOption?: RemoteOption | null;
  onChange: (value: string | null, option: RemoteOption | null) => void;
}

export function RemoteSelect<T>({ path, params, toOption, value, initialOption, onChange, ...rest }: Props<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<RemoteOption | null>(initialOption ?? null);
  // Typing starts a search; the chosen option's own label (shown in the input) does not.
  const q = chosen && search === chosen.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(q, 250);
  const query = useQuery({
    queryKey: [path, 'options', { ...params, q: debounced }],
    queryFn: () => apiGet<Page<T>>(path, { ...params, q: debounced, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const options = (query.data?.items ?? []).map(toOption);
  const current = value && chosen?.value === value ? chosen : value && initialOption?.value === value ? initialOption : null;
  const data = current && !options.some((o) => o.value === current.value) ? [current, ...options] : options;

  return (
    <Select
      {...rest}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={query.isFetching ? t('users.searching') : t('users.nothingFound')}
      onChange={(next, option) => {
        const picked = option ? { value: option.value, label: option.label } : null;
        setChosen(picked);
        onChange(next, picked);
      }}
    />
  );
}
