// /centres — search and filter the centres in the reader's scope. The query
// string holds the filters, so a filtered list can be bookmarked or shared.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { Empty, PagedResults } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { canWriteNetwork } from '../../lib/roles';
import { CENTRE_TYPES, CONNECTIVITIES, type Centre } from '../../lib/types';
import { localityOf, oblastOf } from '../../lib/units';
import { useCentreList, type CentreFilter } from './api';
import { FilterFoot } from '../../components/FilterFoot';
import { useFilterParams } from '../../lib/filters';

const FILTER_KEYS = ['q', 'orgUnit', 'type', 'connectivity', 'archived'] as const;

function CentreCard({ centre }: { centre: Centre }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const oblast = oblastOf(centre.ancestors);
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/centres/${centre.id}`} fw={600} className="kerege-wrap">
            {localName(centre.name, lang)}
          </Anchor>
          {centre.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
        </Group>
        <Text size="sm" c="dimmed" className="kerege-wrap">
          {[localityOf(centre.ancestors, lang), oblast ? localName(oblast.name, lang) : ''].filter(Boolean).join(' · ')}
        </Text>
        <Group gap={6}>
          <Badge variant="light">{t(`centres.types.${centre.type}`)}</Badge>
          <Badge variant="light" color="gray">{t(`centres.connectivity.${centre.connectivity}`)}</Badge>
          {centre.computers !== null && (
            <Badge variant="light" color="gray">{t('centres.computersCount', { count: centre.computers, formatted: fmt.number(centre.computers) })}</Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function CentreTable({ items }: { items: Centre[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  // A regional coordinator sees one oblast: a column repeating it says nothing.
  const oblasts = new Set(items.map((c) => oblastOf(c.ancestors)?.id ?? ''));
  const showOblast = oblasts.size > 1;
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('centres.listLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('centres.name')}</Table.Th>
          <Table.Th>{t('centres.type')}</Table.Th>
          <Table.Th>{t('centres.locality')}</Table.Th>
          {showOblast && <Table.Th>{t('orgUnits.kinds.oblast')}</Table.Th>}
          <Table.Th>{t('centres.connectivityLabel')}</Table.Th>
          <Table.Th ta="end">{t('centres.computers')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => {
          const oblast = oblastOf(c.ancestors);
          return (
            <Table.Tr key={c.id}>
              <Table.Td className="kerege-wrap">
                <Anchor component={Link} to={`/centres/${c.id}`} fw={600}>{localName(c.name, lang)}</Anchor>
                {c.archivedAt && <Badge ml="xs" color="red" variant="outline" size="sm">{t('common.archived')}</Badge>}
              </Table.Td>
              <Table.Td>{t(`centres.types.${c.type}`)}</Table.Td>
              <Table.Td className="kerege-wrap">{localityOf(c.ancestors, lang)}</Table.Td>
              {showOblast && <Table.Td className="kerege-wrap">{oblast ? localName(oblast.name, lang) : ''}</Table.Td>}
              <Table.Td>{t(`centres.connectivity.${c.connectivity}`)}</Table.Td>
              <Table.Td ta="end">{c.computers === null ? '—' : fmt.number(c.computers)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export default function CentresPage() {
  const { t } = useTranslation();
  const user = useUser();
  const fmt = useFormat();
  const { params, setParam, clear } = useFilterParams();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });

  const filter: CentreFilter = {
    q: params.get('q') ?? '',
    orgUnit: params.get('orgUnit') ?? '',
    type: params.get('type') ?? '',
    connectivity: params.get('connectivity') ?? '',
    includeArchived: params.get('archived') === '1',
  };
  const anyFilter = FILTER_KEYS.some((k) => params.get(k));
  // On a phone the filters other than search fold away: they would fill the first screen.
  const moreFilters = (['orgUnit', 'type', 'connectivity', 'archived'] as const).filter((k) => params.get(k)).length;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const showFilters = !isPhone || filtersOpen;

  const list = useCentreList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('centres.title')}
        actions={(
          <>
            <ExportMenu list="centres" filters={{ ...filter }} />
            {canWriteNetwork(user) && <Button component={Link} to="/centres/new">{t('centres.new')}</Button>}
          </>
        )}
      />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
          <SearchInput label={t('common.search')} placeholder={t('centres.searchPlaceholder')}
            value={filter.q ?? ''} onSearch={(q) => setParam('q', q)} />
          {isPhone && (
            <Button variant="default" onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen}>
              {moreFilters ? `${t('common.filters')} (${moreFilters})` : t('common.filters')}
            </Button>
          )}
          {showFilters && (
            <>
              <OrgUnitSelect label={t('centres.filterOrgUnit')} value={filter.orgUnit || null}
                onChange={(id) => setParam('orgUnit', id)} excludeKinds={['centre']} clearable />
              <Select label={t('centres.type')} clearable value={filter.type || null} onChange={(v) => setParam('type', v)}
                placeholder={t('common.all')} data={CENTRE_TYPES.map((v) => ({ value: v, label: t(`centres.types.${v}`) }))} />
              <Select label={t('centres.connectivityLabel')} clearable value={filter.connectivity || null}
                onChange={(v) => setParam('connectivity', v)} placeholder={t('common.all')}
                data={CONNECTIVITIES.map((v) => ({ value: v, label: t(`centres.connectivity.${v}`) }))} />
            </>
          )}
        </SimpleGrid>
        {(showFilters || anyFilter) && (
          <FilterFoot archived={!!filter.includeArchived} onArchived={(on) => setParam('archived', on ? '1' : null)}
            showArchived={showFilters} anyFilter={anyFilter} onClear={clear} />
        )}
      </Paper>

      <PagedResults list={list} count={items.length}
        shown={t('centres.shown', { count: items.length, formatted: fmt.number(items.length) })}
        empty={
          <Empty title={anyFilter ? t('centres.noneFound') : t('centres.none')}>
            {anyFilter && <Text size="sm" c="dimmed">{t('centres.noneFoundHint')}</Text>}
          </Empty>
        }>
        {isPhone ? (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('centres.listLabel')}>
            {items.map((c) => <CentreCard key={c.id} centre={c} />)}
          </Stack>
        ) : (
          <CentreTable items={items} />
        )}
      </PagedResults>
    </Stack>
  );
}
