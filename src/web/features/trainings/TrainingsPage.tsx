// /trainings — trainings by start date in the reader's area; filters (centre,
// course, period, "my schedule") live in the URL.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { RecordSelect } from '../../components/RecordSelect';
import { Empty, PagedResults } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import type { Centre } from '../../lib/types';
import type { Course } from '../courses/api';
import { boundCentre } from '../learners/parts';
import { useTrainingList, type Training } from './api';
import { trainingName, useDateSpan } from './parts';
import { FilterFoot } from '../../components/FilterFoot';
import { useFilterParams } from '../../lib/filters';

/** "12 / 15 · 3 waiting" — seats taken of the capacity, and the waiting list. */
function Seats({ training }: { training: Training }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const taken = training.counts.enrolled + training.counts.completed;
  return (
    <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
      {training.capacity === null ? fmt.number(taken) : `${fmt.number(taken)} / ${fmt.number(training.capacity)}`}
      {training.counts.waiting > 0 && ` · ${t('trainings.waitingCount', { count: training.counts.waiting, formatted: fmt.number(training.counts.waiting) })}`}
    </Text>
  );
}

function TrainingCard({ training, showCentre }: { training: Training; showCentre: boolean }) {
  const { t, i18n } = useTranslation();
  const span = useDateSpan();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/trainings/${training.id}`} fw={600} className="kerege-wrap">
            {trainingName(training, i18n.language)}
          </Anchor>
          {training.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
        </Group>
        <Text size="sm">{span(training.startDate, training.endDate)} · {t(`trainings.kinds.${training.kind}`)}</Text>
        {(showCentre || training.place) && (
          <Text size="sm" c="dimmed" className="kerege-wrap">
            {[showCentre ? localName(training.centre.name, i18n.language) : '', training.place ?? ''].filter(Boolean).join(' · ')}
          </Text>
        )}
        <Text size="sm">{t('trainings.seats')}: <Seats training={training} /></Text>
      </Stack>
    </Paper>
  );
}

function TrainingTable({ items, showCentre }: { items: Training[]; showCentre: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const span = useDateSpan();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('trainings.listLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('trainings.dates')}</Table.Th>
          <Table.Th>{t('trainings.course')}</Table.Th>
          <Table.Th>{t('trainings.kind')}</Table.Th>
          {showCentre && <Table.Th>{t('trainings.centre')}</Table.Th>}
          <Table.Th>{t('trainings.place')}</Table.Th>
          <Table.Th>{t('trainings.seats')}</Table.Th>
          <Table.Th ta="end">{t('trainings.meetingCount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((tr) => (
          <Table.Tr key={tr.id}>
            <Table.Td>{span(tr.startDate, tr.endDate)}</Table.Td>
            <Table.Td className="kerege-wrap">
              <Anchor component={Link} to={`/trainings/${tr.id}`} fw={600}>{trainingName(tr, i18n.language)}</Anchor>
              {tr.archivedAt && <Badge ml="xs" color="red" variant="outline" size="sm">{t('common.archived')}</Badge>}
            </Table.Td>
            <Table.Td>{t(`trainings.kinds.${tr.kind}`)}</Table.Td>
            {showCentre && <Table.Td className="kerege-wrap">{localName(tr.centre.name, i18n.language)}</Table.Td>}
            <Table.Td className="kerege-wrap">{tr.place}</Table.Td>
            <Table.Td><Seats training={tr} /></Table.Td>
            <Table.Td ta="end">{fmt.number(tr.meetingCount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function TrainingsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useUser();
  const fmt = useFormat();
  const { params, setParam, clear } = useFilterParams();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const own = boundCentre(user);

  const filter = {
    centre: params.get('centre') ?? '',
    course: params.get('course') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    mine: params.get('mine') === '1',
    includeArchived: params.get('archived') === '1',
  };
  const anyFilter = !!(filter.centre || filter.course || filter.from || filter.to || filter.mine || filter.includeArchived);

  const list = useTrainingList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = <Button component={Link} to="/trainings/new">{t('trainings.new')}</Button>;

  return (
    <Stack gap="md">
      <PageHeader title={t('trainings.title')} actions={newButton} />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: own ? 3 : 4 }} spacing="sm" style={{ alignItems: 'end' }}>
          {!own && (
            <RecordSelect<Centre> endpoint="/api/centres" resource="centres" label={t('trainings.centre')}
              value={filter.centre || null} onChange={(id) => setParam('centre', id)} toLabel={(c) => localName(c.name, lang)} />
          )}
          <RecordSelect<Course> endpoint="/api/courses" resource="courses" label={t('trainings.course')}
            value={filter.course || null} onChange={(id) => setParam('course', id)} toLabel={(c) => localName(c.name, lang)} />
          <TextInput type="date" label={t('trainings.from')} value={filter.from} max={filter.to || undefined}
            onChange={(e) => setParam('from', e.currentTarget.value)} />
          <TextInput type="date" label={t('trainings.to')} value={filter.to} min={filter.from || undefined}
            onChange={(e) => setParam('to', e.currentTarget.value)} />
        </SimpleGrid>
        <FilterFoot archived={filter.includeArchived} onArchived={(on) => setParam('archived', on ? '1' : null)} anyFilter={anyFilter} onClear={clear}>
          <Switch label={t('trainings.mine')} checked={filter.mine} onChange={(e) => setParam('mine', e.currentTarget.checked ? '1' : null)} />
        </FilterFoot>
      </Paper>

      <PagedResults list={list} count={items.length}
        shown={t('trainings.shown', { count: items.length, formatted: fmt.number(items.length) })}
        empty={
          <Empty title={filter.mine ? t('trainings.noneMine') : anyFilter ? t('trainings.noneFound') : t('trainings.none')}>
            <Button component={Link} to="/trainings/new" variant="light">{t('trainings.new')}</Button>
          </Empty>
        }>
        {isPhone ? (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('trainings.listLabel')}>
            {items.map((tr) => <TrainingCard key={tr.id} training={tr} showCentre={!own} />)}
          </Stack>
        ) : (
          <TrainingTable items={items} showCentre={!own} />
        )}
      </PagedResults>
    </Stack>
  );
}
