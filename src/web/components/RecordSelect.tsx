// A select whose options come from a searchable list endpoint
// (`/api/partners`, `/api/centres`): the server matches across scripts.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, type Page } from '../lib/api';

interface Props<T extends { id: string }> {
  /** '/api/partners' or '/api/centres' */
  endpoint: string;
  /** First element of the TanStack query key, e.g. 'partners'. */
  resource: string;
  toLabel: (item: T) => string;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  description?: string;
}

export function RecordSelect<T extends { id: string }>(props: Props<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const selected = useQuery({
    queryKey: [props.resource, 'one', props.value],
    queryFn: () => apiGet<T>(`${props.endpoint}/${encodeURIComponent(props.value!)}`),
    enabled: !!props.value,
    staleTime: 5 * 60_000,
  });
  const selectedLabel = selected.data ? props.toLabel(selected.data) : '';
  const query = search === selectedLabel ? '' : search.trim();
  const [debounced] = useDebouncedValue(query, 250);
  const found = useQuery({
    queryKey: [props.resource, 'search', debounced],
    queryFn: () => apiGet<Page<T>>(props.endpoint, { q: debounced || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled: opened && !props.disabled,
  });
  const data = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const item of [...(selected.data ? [selected.data] : []), ...(found.data?.items ?? [])]) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push({ value: item.id, label: props.toLabel(item) });
    }
    return out;
  }, [selected.data, found.data, props]);

  return (
    <Select
      label={props.label}
      description={props.description}
      required={props.required}
      disabled={props.disabled}
      error={props.error}
      placeholder={t('common.searchPlaceholder')}
      searchable
      value={props.value}
      onChange={props.onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      onDropdownOpen={() => setOpened(true)}
      maxDropdownHeight={280}
    />
  );
}
