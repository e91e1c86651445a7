// Where a learner lives: a settlement or city. The centre's own settlement is
// offered first (most learners live where the centre is); the rest are searched
// on the server across the whole country (GET /api/places?q=, across scripts),
// the centre's oblast first: a facilitator's own area is only their centre.
import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, type Page } from '../../lib/api';
import { localName } from '../../lib/names';
import type { OrgUnit, UnitRef } from '../../lib/types';

/** A place as GET /api/places answers it (docs/api.md, "Places"). */
type Place = UnitRef & { ancestors: UnitRef[] };

const PLACE_KINDS = new Set(['settlement', 'city']);

export function SettlementSelect({ id, label, value, onChange, centreId, current, error, description }: {
  id: string;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** The registering centre: its settlement (an ancestor) is the first suggestion. */
  centreId: string | null;
  /** The saved settlement, to label the value without asking the server. */
  current?: UnitRef | null;
  error?: string;
  description?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);

  const centre = useQuery({
    queryKey: ['org-units', 'one', centreId],
    queryFn: () => apiGet<OrgUnit>(`/api/org-units/${encodeURIComponent(centreId!)}`),
    enabled: !!centreId,
    staleTime: 5 * 60_000,
  });
  // Namesakes are many (every raion has its own centre village): a found place names the unit above it.
  const placeLabel = (u: Pick<UnitRef, 'name' | 'kind'> & { ancestors?: UnitRef[] }) => {
    const above = u.ancestors?.[u.ancestors.length - 1];
    return `${localName(u.name, lang)} · ${t(`orgUnits.kinds.${u.kind}`)}${above ? ` (${localName(above.name, lang)})` : ''}`;
  };
  const suggestions = useMemo(() => {
    const list: UnitRef[] = [];
    if (current) list.push(current);
    list.push(...[...(centre.data?.ancestors ?? [])].reverse());
    return list.filter((u) => PLACE_KINDS.has(u.kind));
  }, [current, centre.data]);
  const [seen, setSeen] = useState<Record<string, UnitRef>>({});
  const selected = value ? (seen[value] ?? suggestions.find((u) => u.id === value)) : undefined;
  // After a choice the input shows the chosen label; that is not a new search.
  const query = selected && search === placeLabel(selected) ? '' : search.trim();
  const [debounced] = useDebouncedValue(query, 250);
  const found = useQuery({
    queryKey: ['places', debounced, centreId],
    queryFn: () => apiGet<Page<Place>>('/api/places', { q: debounced, near: centreId ?? undefined, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled: opened && debounced !== '',
  });

  // Nothing typed: the suggestions. Something typed: what the server matched (across scripts).
  const units = useMemo(() => {
    const list = debounced ? [...(selected ? [selected] : []), ...(found.data?.items ?? [])] : [...suggestions, ...(selected ? [selected] : [])];
    const out: UnitRef[] = [];
    const ids = new Set<string>();
    for (const u of list) {
      if (ids.has(u.id) || !PLACE_KINDS.has(u.kind)) continue;
      ids.add(u.id);
      out.push(u);
    }
    return out;
  }, [debounced, found.data, suggestions, selected]);
  const data: ComboboxItem[] = units.map((u) => ({ value: u.id, label: placeLabel(u) }));

  return (
    <Select
      id={id}
      label={label}
      description={description}
      placeholder={t('common.searchPlaceholder')}
      error={error}
      searchable
      clearable
      value={value}
      onChange={(id) => {
        const unit = units.find((u) => u.id === id);
        if (unit) setSeen((s) => ({ ...s, [unit.id]: unit }));
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      onDropdownOpen={() => setOpened(true)}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
      size="md"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
