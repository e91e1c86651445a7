// What became of people, over a period: both seeds' figures from the same
// outcome records, each person counted once — seed 000's "found work, started
// a business or improved their job" and seed 001's "found a job".
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { PeriodPicker, usePeriod } from '../visits/PeriodPicker';
import { Figure } from '../visits/VisitSummaryPanel';
import { useOutcomeSummary } from './api';
import { STATUSES } from './model';

export function OutcomeSummaryPanel({ centre }: { centre: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const period = usePeriod((today) => `${today.slice(0, 4)}-01-01`);
  const { from, to, valid } = period;
  const summary = useOutcomeSummary(centre, valid ? from : '', valid ? to : '');
  const s = summary.data;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('outcomes.summaryHelp')}</Text>
      <PeriodPicker period={period} />
      {!valid ? null : summary.isPending ? <Loading /> : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : s && (
        <Stack gap="sm" aria-busy={summary.isFetching}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Figure testId="outcomes-work-business-job" label={t('outcomes.foundWorkOrBusinessOrBetterJob')}
              value={fmt.number(s.foundWorkOrBusinessOrBetterJob)} hint={t('outcomes.seed000Hint')} />
            <Figure testId="outcomes-found-job" label={t('outcomes.foundJob')} value={fmt.number(s.foundJob)} hint={t('outcomes.seed001Hint')} />
            <Figure testId="outcomes-people" label={t('outcomes.people')} value={fmt.number(s.people)} hint={t('outcomes.peopleHint')} />
          </SimpleGrid>
          <Text fw={600} size="sm">{t('outcomes.byStatus')}</Text>
          <Stack component="dl" gap={4} m={0} mt={-8} maw={520}>
            {STATUSES.map((st) => (
              <Group key={st} justify="space-between" gap="xs" wrap="nowrap">
                <Text component="dt" size="sm" className="kerege-wrap">{t(`outcomes.statuses.${st}`)}</Text>
                <Text component="dd" size="sm" fw={600} m={0}>{fmt.number(s.byStatus[st])}</Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
