// A select that searches org units on the server (GET /api/org-units?q=),
// which matches across scripts (Kazakh, Russian, Latin spellings).
import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, type Page } from '../lib/api';
import { localName } from '../lib/names';
import type { OrgUnit, OrgUnitKind } from '../lib/types';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  kind?: OrgUnitKind;
  /** Kinds to leave out of the choices (e.g. centres when choosing a parent). */
  excludeKinds?: OrgUnitKind[];
  /** A unit that must not be offered (the unit being moved). */
  excludeId?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
  description?: string;
  w?: number | string;
}

function useUnit(id: string | null) {
  return useQuery({
    queryKey: ['org-units', 'one', id],
    queryFn: () => apiGet<OrgUnit>(`/api/org-units/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function OrgUnitSelect(props: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  // Ask the server only once someone opens the list: a form full of selects
  // should not cost a request each over a satellite link.
  const [opened, setOpened] = useState(false);
  const selected = useUnit(props.value);

  const label = (u: Pick<OrgUnit, 'name' | 'kind'>) => `${localName(u.name, lang)} · ${t(`orgUnits.kinds.${u.kind}`)}`;
  const selectedLabel = selected.data ? label(selected.data) : '';
  // After a choice the input shows the chosen label; that is not a new search.
  const query = search === selectedLabel ? '' : search.trim();
  const [debounced] = useDebouncedValue(query, 250);

  const found = useQuery({
    queryKey: ['org-units', 'search', debounced, props.kind ?? null],
    queryFn: () => apiGet<Page<OrgUnit>>('/api/org-units', { q: debounced || undefined, kind: props.kind, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled: opened,
  });

  const data = useMemo(() => {
    const items: ComboboxItem[] = [];
    const seen = new Set<string>();
    const add = (u: OrgUnit) => {
      if (seen.has(u.id) || u.id === props.excludeId || props.excludeKinds?.includes(u.kind)) return;
      seen.add(u.id);
      items.push({ value: u.id, label: label(u) });
    };
    if (selected.data) add(selected.data);
    for (const u of found.data?.items ?? []) add(u);
    return items;
  }, [found.data, selected.data, lang, props.excludeId, props.excludeKinds]);

  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder ?? t('common.searchPlaceholder')}
      required={props.required}
      error={props.error}
      w={props.w}
      searchable
      clearable={props.clearable}
      value={props.value}
      onChange={(value) => props.onChange(value)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      onDropdownOpen={() => setOpened(true)}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}
