// Who is due a follow-up (3, 6 and 12 months after a training ended, unless the
// network sets other intervals), oldest due first: overdue ones lead. Each row
// records an outcome in a dialog.
import '@mantine/core/styles/SegmentedControl.css';
import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/States';
import { fieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { displayPhone, fullName } from '../learners/parts';
import { kzToday } from '../visits/model';
import { useFollowUps } from './api';
import { WINDOWS, daysUntil, windowRange, type DueWindow, type FollowUp } from './model';
import { OutcomeModal } from './OutcomeModal';

function DueBadge({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const days = daysUntil(dueOn, kzToday());
  if (days < 0) return <Badge color="red" variant="light" tt="none">{t('followups.overdue', { count: -days, formatted: fmt.number(-days) })}</Badge>;
  if (days === 0) return <Badge color="orange" variant="light" tt="none">{t('followups.dueToday')}</Badge>;
  return <Badge color="gray" variant="light" tt="none">{t('followups.dueIn', { count: days, formatted: fmt.number(days) })}</Badge>;
}

function Phone({ phone }: { phone: string | null }) {
  return phone ? <Anchor href={`tel:${phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{displayPhone(phone)}</Anchor> : null;
}

export function Worklist({ centre, showCentre }: { centre: string | null; showCentre: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [dueWindow, setDueWindow] = useState<DueWindow>('due');
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const list = useFollowUps({ centre, ...windowRange(dueWindow, kzToday()) });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const first = list.data?.pages[0];
  // A whole country's worklist is refused (too_many_follow_ups): the server's sentence says to name a centre.
  const tooMany = list.isError ? fieldErrors(list.error).centre : undefined;
  const recordButton = (f: FollowUp) => (
    <Button size="xs" onClick={() => setRecording(f)} aria-label={t('followups.recordFor', { name: fullName(f.learner) })}>
      {t('followups.record')}
    </Button>
  );
  const course = (f: FollowUp) => localName(f.training.course.name, lang);
  const interval = (f: FollowUp) => t('followups.afterMonths', { count: f.months, formatted: fmt.number(f.months) });

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="followups-window-label">{t('followups.window')}</Text>
        <SegmentedControl aria-labelledby="followups-window-label" value={dueWindow} onChange={(v) => setDueWindow(v as DueWindow)}
          data={WINDOWS.map((w) => ({ value: w, label: t(`followups.windows.${w}`) }))} style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          orientation={isPhone ? 'vertical' : 'horizontal'} fullWidth={isPhone} />
      </Stack>
      {list.isPending ? <Loading /> : tooMany ? (
        <Alert color="yellow" role="status">{tooMany}</Alert>
      ) : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
        <Empty title={t('followups.none')}>
          <Text size="sm" c="dimmed">{t('followups.noneHint', { from: fmt.date(first?.dueFrom), to: fmt.date(first?.dueBefore) })}</Text>
        </Empty>
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          <Text size="sm" c="dimmed" role="status">
            {t('followups.total', { count: first?.total ?? 0, formatted: fmt.number(first?.total ?? 0) })}{' '}
            {t('followups.period', { from: fmt.date(first?.dueFrom), to: fmt.date(first?.dueBefore) })}
          </Text>
          {isPhone ? (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('followups.listLabel')}>
              {items.map((f) => (
                <Paper component="li" key={`${f.enrolmentId}|${f.months}`} withBorder p="sm" radius="sm">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs" align="flex-start">
                      <Text fw={600} className="kerege-wrap">{fullName(f.learner)}</Text>
                      <DueBadge dueOn={f.dueOn} />
                    </Group>
                    <Phone phone={f.learner.phone} />
                    <Text size="sm" className="kerege-wrap">{course(f)}</Text>
                    <Text size="sm" c="dimmed">{interval(f)} · {t('followups.dueOn', { date: fmt.date(f.dueOn) })}</Text>
                    {showCentre && <Text size="sm" c="dimmed" className="kerege-wrap">{localName(f.centre.name, lang)}</Text>}
                    <Group>{recordButton(f)}</Group>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table striped verticalSpacing="xs" aria-label={t('followups.listLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('followups.learner')}</Table.Th>
                  <Table.Th>{t('followups.course')}</Table.Th>
                  <Table.Th>{t('followups.due')}</Table.Th>
                  {showCentre && <Table.Th>{t('followups.centre')}</Table.Th>}
                  <Table.Th><VisuallyHidden>{t('followups.actions')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={`${f.enrolmentId}|${f.months}`}>
                    <Table.Td className="kerege-wrap"><Text fw={600} size="sm">{fullName(f.learner)}</Text><Phone phone={f.learner.phone} /></Table.Td>
                    <Table.Td className="kerege-wrap">
                      <Text size="sm">{course(f)}</Text>
                      <Text size="xs" c="dimmed">{t('followups.ended', { date: fmt.date(f.training.endDate) })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{fmt.date(f.dueOn)} · {interval(f)}</Text>
                      <DueBadge dueOn={f.dueOn} />
                    </Table.Td>
                    {showCentre && <Table.Td className="kerege-wrap">{localName(f.centre.name, lang)}</Table.Td>}
                    <Table.Td>{recordButton(f)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {list.hasNextPage && (
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <OutcomeModal target={recording ? { followUp: recording } : null} onClose={() => setRecording(null)} />
    </Stack>
  );
}
