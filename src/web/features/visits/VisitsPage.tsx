// /visits — count the day's walk-ins at a centre by purpose, record a registered
// learner's visit, and see a period's visits and users apart (seed 001). The
// centre and the day are in the address (ids and dates only, never a name), so a
// reload or a bookmark opens the same sheet.
import '../../components/pageStyles';
import { Button, Grid, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { useVisitDay } from './api';
import { CentreField, useOwnCentre } from './CentreField';
import { DayTally } from './DayTally';
import { LearnerVisit } from './LearnerVisit';
import { addDays, isIsoDate, kzToday } from './model';
import { RecentDays } from './RecentDays';
import { VisitSummaryPanel } from './VisitSummaryPanel';

export default function VisitsPage() {
  const { t } = useTranslation();
  const own = useOwnCentre();
  const [params, setParams] = useSearchParams();
  const today = kzToday();
  const centre = own ?? params.get('centre');
  const asked = params.get('date') ?? '';
  const date = isIsoDate(asked) && asked <= today ? asked : today;
  const setParam = (key: 'centre' | 'date', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const day = useVisitDay(centre, date);

  return (
    <Stack gap="md">
      <PageHeader title={t('visits.title')} />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('visits.choose')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
          <CentreField label={t('visits.centre')} value={centre} onChange={(id) => setParam('centre', id)} />
          <Stack gap={6}>
            <TextInput id="visits-date" type="date" label={t('visits.day')} value={date} max={today}
              onChange={(e) => { const v = e.currentTarget.value; if (isIsoDate(v) && v <= today) setParam('date', v); }} />
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setParam('date', addDays(date, -1))}>{t('visits.previousDay')}</Button>
              <Button size="xs" variant="default" disabled={date === today} onClick={() => setParam('date', today)}>{t('visits.today')}</Button>
              <Button size="xs" variant="default" disabled={date >= today} onClick={() => setParam('date', addDays(date, 1))}>{t('visits.nextDay')}</Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </Paper>

      {!centre ? (
        <Text c="dimmed" ta="center" py="xl">{t('visits.chooseCentre')}</Text>
      ) : (
        <>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              {day.isPending ? <Loading /> : day.isError ? <ErrorState error={day.error} onRetry={() => void day.refetch()} /> : (
                <DayTally key={`${centre}|${date}`} day={day.data} />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <LearnerVisit key={centre} centreId={centre} date={date} />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
            <VisitSummaryPanel key={centre} centreId={centre} />
            <RecentDays centreId={centre} current={date} onOpen={(d) => setParam('date', d)} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
