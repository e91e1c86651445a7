// The centre's recent days, newest first, each with its total and its split by
// purpose; a day opens in the tally above (for a correction).
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { useVisitList } from './api';
import { PURPOSES, totalsByDay } from './model';

export function RecentDays({ centreId, current, onOpen }: { centreId: string; current: string; onOpen: (date: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useVisitList(centreId);
  const days = totalsByDay(list.data?.pages.flatMap((p) => p.items) ?? []);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="visits-days-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="visits-days-title">{t('visits.recentTitle')}</Title>
        {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : days.length === 0 ? (
          <Empty title={t('visits.noDays')}><Text size="sm" c="dimmed">{t('visits.noDaysHint')}</Text></Empty>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="visits-days-title">
            {days.map((d) => (
              <Group component="li" key={d.date} justify="space-between" gap="xs" wrap="nowrap" py={4}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Stack gap={0} miw={0}>
                  <Text fw={600}>{fmt.date(d.date)} · {t('visits.dayVisits', { formatted: fmt.number(d.total), count: d.total })}</Text>
                  <Text size="sm" c="dimmed" className="kerege-wrap">
                    {PURPOSES.filter((p) => d.byPurpose[p] > 0).map((p) => `${t(`visits.purposes.${p}`)}: ${fmt.number(d.byPurpose[p])}`).join(' · ')}
                  </Text>
                </Stack>
                {d.date === current ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{t('visits.openNow')}</Text>
                ) : (
                  <Button size="xs" variant="default" onClick={() => onOpen(d.date)}
                    aria-label={t('visits.openDayLabel', { date: fmt.date(d.date) })}>{t('visits.openDay')}</Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
