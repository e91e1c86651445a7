// /learners — the learners of the centres in the reader's scope. The search
// term is a person's name: it stays in this page's state, never in the address
// bar (history, bookmarks, a shared PC). The centre filter is in the URL.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { RecordSelect } from '../../components/RecordSelect';
import { SearchInput } from '../../components/SearchInput';
import { Empty, PagedResults } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import type { Centre } from '../../lib/types';
import { useLearnerList, type Learner } from './api';
import { TargetGroups, boundCentre, displayPhone, fullName } from './parts';
import { FilterFoot } from '../../components/FilterFoot';
import { useFilterParams } from '../../lib/filters';

function LearnerCard({ learner, showCentre }: { learner: Learner; showCentre: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/learners/${learner.id}`} fw={600} className="kerege-wrap">
            {fullName(learner)}
          </Anchor>
          {learner.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
        </Group>
        <Text size="sm" className="kerege-wrap">
          {[fmt.date(learner.birthDate), t(`learners.sexes.${learner.sex}`), displayPhone(learner.phone)]
            .filter(Boolean).join(' · ')}
        </Text>
        {showCentre && <Text size="sm" c="dimmed" className="kerege-wrap">{localName(learner.centre.name, i18n.language)}</Text>}
        <TargetGroups groups={learner.targetGroups} />
      </Stack>
    </Paper>
  );
}

function LearnerTable({ items, showCentre }: { items: Learner[]; showCentre: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('learners.listLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('learners.name')}</Table.Th>
          <Table.Th>{t('learners.birthDate')}</Table.Th>
          <Table.Th>{t('learners.sex')}</Table.Th>
          {showCentre && <Table.Th>{t('learners.centre')}</Table.Th>}
          <Table.Th>{t('learners.phone')}</Table.Th>
          <Table.Th>{t('learners.targetGroupsLabel')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td className="kerege-wrap">
              <Anchor component={Link} to={`/learners/${l.id}`} fw={600}>{fullName(l)}</Anchor>
              {l.archivedAt && <Badge ml="xs" color="red" variant="outline" size="sm">{t('common.archived')}</Badge>}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(l.birthDate)}</Table.Td>
            <Table.Td>{t(`learners.sexes.${l.sex}`)}</Table.Td>
            {showCentre && <Table.Td className="kerege-wrap">{localName(l.centre.name, i18n.language)}</Table.Td>}
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{displayPhone(l.phone)}</Table.Td>
            <Table.Td><TargetGroups groups={l.targetGroups} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function LearnersPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const fmt = useFormat();
  const { params, setParam, clear } = useFilterParams();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState('');
  const own = boundCentre(user);

  const centre = params.get('centre') ?? '';
  const includeArchived = params.get('archived') === '1';
  const anyFilter = !!(q || centre || includeArchived);

  const list = useLearnerList({ q, centre, includeArchived });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = (
    <>
      <ExportMenu list="learners" filters={{ q, centre, includeArchived }} />
      <Button component={Link} to="/import" variant="default">{t('nav.imports')}</Button>
      <Button component={Link} to="/learners/new">{t('learners.new')}</Button>
    </>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('learners.title')} actions={newButton} />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: own ? 1 : 2 }} spacing="sm" style={{ alignItems: 'end' }}>
          <SearchInput label={t('common.search')} placeholder={t('learners.searchPlaceholder')} value={q} onSearch={setQ} />
          {!own && (
            <RecordSelect<Centre>
              endpoint="/api/centres"
              resource="centres"
              label={t('learners.centre')}
              value={centre || null}
              onChange={(id) => setParam('centre', id)}
              toLabel={(c) => localName(c.name, i18n.language)}
            />
          )}
        </SimpleGrid>
        <FilterFoot archived={includeArchived} onArchived={(on) => setParam('archived', on ? '1' : null)} anyFilter={anyFilter}
          onClear={() => { setQ(''); clear(); }} />
      </Paper>

      <PagedResults list={list} count={items.length}
        shown={t('learners.shown', { count: items.length, formatted: fmt.number(items.length) })}
        empty={
          anyFilter ? (
            <Empty title={t('learners.noneFound')}>
              <Text size="sm" c="dimmed">{t('learners.noneFoundHint')}</Text>
              {q && <Button component={Link} to="/learners/new" variant="light">{t('learners.new')}</Button>}
            </Empty>
          ) : (
            <Empty title={t('learners.none')}>
              <Text size="sm" c="dimmed">{t('learners.noneHint')}</Text>
              <Button component={Link} to="/learners/new" mt="xs">{t('learners.new')}</Button>
            </Empty>
          )
        }>
        {isPhone ? (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('learners.listLabel')}>
            {items.map((l) => <LearnerCard key={l.id} learner={l} showCentre={!own} />)}
          </Stack>
        ) : (
          <LearnerTable items={items} showCentre={!own} />
        )}
      </PagedResults>
    </Stack>
  );
}
