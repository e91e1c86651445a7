// Outcomes recorded in the centre (or the reader's area), latest first; each can
// be corrected (learner, training and due date stay) or archived after a question.
import { Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveButton } from '../../components/ArchiveButton';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { WRAPPING_BADGE, fullName } from '../learners/parts';
import { useArchiveOutcome, useOutcomes } from './api';
import type { Outcome, OutcomeStatus } from './model';
import { OutcomeModal } from './OutcomeModal';

const STATUS_COLOURS: Record<OutcomeStatus, string> = {
  employed: 'green', self_employed: 'teal', improved_job: 'cyan', further_study: 'blue', still_looking: 'yellow', unreachable: 'gray',
};

function OutcomeItem({ outcome, showCentre, onEdit }: { outcome: Outcome; showCentre: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const archive = useArchiveOutcome();
  const name = fullName(outcome.learner);
  const facts = [
    outcome.recordedOn && t('outcomes.recordedOnShort', { date: fmt.date(outcome.recordedOn) }),
    outcome.evidence && t(`outcomes.evidences.${outcome.evidence}`),
    outcome.training && localName(outcome.training.course.name, i18n.language),
    outcome.dueOn && t('followups.dueOn', { date: fmt.date(outcome.dueOn) }),
    showCentre && localName(outcome.centre.name, i18n.language),
  ].filter(Boolean);
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="outcome-item">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0} style={{ flex: '1 1 16rem' }}>
          <Group gap="xs">
            <Text fw={600} className="kerege-wrap">{name}</Text>
            {outcome.status && (
              <Badge color={STATUS_COLOURS[outcome.status]} variant="light" tt="none" styles={WRAPPING_BADGE}>
                {t(`outcomes.statuses.${outcome.status}`)}
              </Badge>
            )}
            {outcome.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
          </Group>
          {outcome.employer && <Text size="sm" className="kerege-wrap">{outcome.employer}</Text>}
          <Text size="sm" c="dimmed" className="kerege-wrap">{facts.join(' · ')}</Text>
          {outcome.note && <Text size="sm" className="kerege-wrap" fs="italic">{outcome.note}</Text>}
        </Stack>
        <Group gap="xs">
          {!outcome.archivedAt && (
            <Button size="xs" variant="default" onClick={onEdit} aria-label={`${t('common.edit')}: ${name}`}>{t('common.edit')}</Button>
          )}
          <ArchiveButton size="xs" record={outcome} name={t('outcomes.recordName', { name })}
            run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
        </Group>
      </Group>
    </Paper>
  );
}

export function OutcomesList({ centre, showCentre }: { centre: string | null; showCentre: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<Outcome | null>(null);
  const list = useOutcomes({ centre, includeArchived });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm">
      <Switch label={t('common.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
        <Empty title={t('outcomes.none')}><Text size="sm" c="dimmed">{t('outcomes.noneHint')}</Text></Empty>
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          <Text size="sm" c="dimmed" role="status">
            {t('outcomes.shown', { count: items.length, formatted: fmt.number(items.length) })}
            {list.hasNextPage ? ` ${t('common.moreAvailable')}` : ''}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('outcomes.listLabel')}>
            {items.map((o) => <OutcomeItem key={o.id} outcome={o} showCentre={showCentre} onEdit={() => setEditing(o)} />)}
          </Stack>
          {list.hasNextPage && (
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <OutcomeModal target={editing ? { outcome: editing } : null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
