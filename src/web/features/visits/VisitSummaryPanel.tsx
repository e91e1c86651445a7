// A period's visits at the centre, with seed 001's two figures kept apart:
// visits ("visitors": every time someone came, anonymous or registered) and
// users (distinct registered people, each counted once however often they came).
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { useVisitSummary } from './api';
import { PURPOSES, monthStart } from './model';
import { PeriodPicker, usePeriod } from './PeriodPicker';

export function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid={testId}>
      <Text size="sm" fw={600} className="kerege-wrap">{label}</Text>
      <Text fz={28} fw={700} lh={1.2}>{value}</Text>
      {hint && <Text size="xs" c="dimmed" className="kerege-wrap">{hint}</Text>}
    </Paper>
  );
}

export function VisitSummaryPanel({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const period = usePeriod(monthStart);
  const { from, to, valid } = period;
  const summary = useVisitSummary(centreId, valid ? from : '', valid ? to : '');
  const s = summary.data;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="visits-summary-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="visits-summary-title">{t('visits.summaryTitle')}</Title>
        <PeriodPicker period={period} />
        {!valid ? null : summary.isPending ? <Loading /> : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : s && (
          <Stack gap="sm" aria-busy={summary.isFetching}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Figure testId="visits-summary-visits" label={t('visits.visitsFigure')} value={fmt.number(s.visits)}
                hint={t('visits.visitsHint', { anonymous: fmt.number(s.anonymousVisits), registered: fmt.number(s.registeredVisits) })} />
              <Figure testId="visits-summary-users" label={t('visits.usersFigure')} value={fmt.number(s.users)} hint={t('visits.usersHint')} />
            </SimpleGrid>
            <Text fw={600} size="sm">{t('visits.byPurpose')}</Text>
            <Stack component="dl" gap={4} m={0} mt={-8} maw={520}>
              {PURPOSES.map((p) => (
                <Group key={p} justify="space-between" gap="xs" wrap="nowrap">
                  <Text component="dt" size="sm" className="kerege-wrap">{t(`visits.purposes.${p}`)}</Text>
                  <Text component="dd" size="sm" fw={600} m={0}>{fmt.number(s.byPurpose[p])}</Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
