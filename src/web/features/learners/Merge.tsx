// "Merge with…" on a learner's page (coordinators) and the learner's merge history with undo.
// The other record is picked by name search (the term stays in this component's state, never
// in the address bar), compared side by side with the fields the merge will fill marked, and
// merged on confirmation; a notification offers to undo at once, and the history keeps the
// undo button for later. What a merge does and why: docs/decisions/0019-merge-and-link.md.
import '@mantine/core/styles/SegmentedControl.css';
import { Alert, Anchor, Badge, Box, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldsToFill, type FillableField } from '../../../domain/merge-fill';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useNotify } from '../../components/Notifications';
import { SearchInput } from '../../components/SearchInput';
import { ErrorState, Loading } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import {
  useLearner, useLearnerList, useLearnerMerges, useMergeLearners, useUndoMerge, type Learner, type LearnerMergeRecord,
} from './api';
import { WRAPPING_BADGE, displayPhone, fullName } from './parts';

/** The server's own sentence for a refused merge or undo ("changed since", "already undone"). */
function refusal(t: TFunction, error: unknown): string {
  return error instanceof ApiError && error.code === 'conflict' && error.message ? error.message : errorMessage(t, error);
}

/** Label keys of the fields a merge may fill. */
const FILL_LABEL: Record<FillableField, string> = {
  middleName: 'learners.middleName', phone: 'learners.phone', iin: 'learners.iin', settlementId: 'learners.settlement',
  education: 'learners.education', employmentStatus: 'learners.employmentStatus', languages: 'learners.languagesLabel',
  targetGroups: 'learners.targetGroupsLabel', userId: 'learners.merge.userAccount',
};

/** Undo a merge and say so; used by the notification and by the history. */
function useUndo() {
  const { t } = useTranslation();
  const notify = useNotify();
  const undo = useUndoMerge();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (mergeId: string, then?: () => void) => {
    setPending(true);
    setError(null);
    try {
      await undo(mergeId);
      notify({ message: t('learners.merge.undone'), color: 'green' });
      then?.();
    } catch (failure) {
      setError(failure);
      notify({ message: refusal(t, failure), color: 'red', autoClose: 0 });
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error };
}

export function MergeAction({ learner }: { learner: Learner }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="merge-open">{t('learners.merge.action')}</Button>
      {opened && <MergeModal learner={learner} onClose={() => setOpened(false)} />}
    </>
  );
}

function MergeModal({ learner, onClose }: { learner: Learner; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [otherId, setOtherId] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('learners.merge.title')} size="xl" fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text className="kerege-wrap">{t('learners.merge.intro')}</Text>
        {otherId
          ? <Compare learner={learner} otherId={otherId} onBack={() => setOtherId(null)} onClose={onClose} />
          : <Pick learner={learner} onPick={setOtherId} />}
      </Stack>
    </Modal>
  );
}

/** Search for the other record; this one and merged or archived records are left out. */
function Pick({ learner, onPick }: { learner: Learner; onPick: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const list = useLearnerList({ q });
  const rows = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((l) => l.id !== learner.id).slice(0, 20);
  return (
    <Stack gap="sm">
      <SearchInput value={q} onSearch={setQ} label={t('learners.merge.search')} placeholder={t('learners.merge.searchPlaceholder')} />
      {q && list.isPending && <Loading />}
      {q && list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {q && list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('learners.merge.noResults')}</Text>}
      {q && rows.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('learners.merge.search')}>
          {rows.map((l) => (
            <Paper component="li" key={l.id} withBorder p="xs" radius="sm">
              <Group justify="space-between" gap="xs" align="center">
                <Box miw={0} style={{ flex: '1 1 14rem' }}>
                  <Text fw={600} className="kerege-wrap">{fullName(l)}</Text>
                  <Text size="sm" className="kerege-wrap">
                    {[fmt.date(l.birthDate), displayPhone(l.phone), localName(l.centre.name, i18n.language)].filter(Boolean).join(' · ')}
                  </Text>
                </Box>
                <Button variant="light" onClick={() => onPick(l.id)} aria-label={`${t('learners.merge.pick')}: ${fullName(l)}`}>
                  {t('learners.merge.pick')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Compare({ learner, otherId, onBack, onClose }: { learner: Learner; otherId: string; onBack: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const notify = useNotify();
  const other = useLearner(otherId);
  const merge = useMergeLearners();
  const undo = useUndo();
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  // two long labels side by side do not fit a phone: one above the other there
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (other.isPending) return <Loading />;
  if (other.isError) return <ErrorState error={other.error} onRetry={() => void other.refetch()} />;
  const survivor = keep === 'this' ? learner : other.data;
  const duplicate = keep === 'this' ? other.data : learner;
  const fills = new Set(fieldsToFill(survivor, duplicate));
  const lang = i18n.language;
  const langs = (l: Learner) => fmt.list(l.languages.map((c) => (c === 'kk' || c === 'ru' || c === 'en' ? t(`lang.${c}`) : t(`learners.languages.${c}`))));
  const groups = (l: Learner) => fmt.list(l.targetGroups.map((g) => t(`learners.targetGroups.${g}`)));
  const rows: Array<[string, (l: Learner) => ReactNode, FillableField?]> = [
    ['learners.lastName', (l) => l.lastName],
    ['learners.firstName', (l) => l.firstName],
    ['learners.middleName', (l) => l.middleName, 'middleName'],
    ['learners.sex', (l) => t(`learners.sexes.${l.sex}`)],
    ['learners.birthDate', (l) => fmt.date(l.birthDate)],
    ['learners.iin', (l) => l.iin, 'iin'],
    ['learners.phone', (l) => displayPhone(l.phone), 'phone'],
    ['learners.settlement', (l) => (l.settlement ? localName(l.settlement.name, lang) : ''), 'settlementId'],
    ['learners.languagesLabel', langs, 'languages'],
    ['learners.education', (l) => (l.education ? t(`learners.educations.${l.education}`) : ''), 'education'],
    ['learners.employmentStatus', (l) => (l.employmentStatus ? t(`learners.employment.${l.employmentStatus}`) : ''), 'employmentStatus'],
    ['learners.targetGroupsLabel', groups, 'targetGroups'],
    ['learners.centre', (l) => localName(l.centre.name, lang)],
  ];
  const cell = (value: ReactNode) => (value === null || value === undefined || value === '' ? <Text c="dimmed" span>—</Text> : value);

  const confirm = () => merge.mutate({ duplicate, survivor }, {
    onSuccess: (result) => {
      onClose();
      navigate(`/learners/${result.survivor.id}`);
      notify({
        message: t('learners.merge.done'), color: 'green',
        action: { label: t('common.undo'), onClick: () => void undo.run(result.merge.id, () => navigate(`/learners/${learner.id}`)) },
      });
    },
  });

  return (
    <Stack gap="md">
      <Box>
        <Text fw={600} size="sm" id="merge-keep-label" mb={4}>{t('learners.merge.whichKept')}</Text>
        <SegmentedControl fullWidth orientation={isPhone ? 'vertical' : 'horizontal'} value={keep} onChange={(v) => setKeep(v as 'this' | 'other')} aria-labelledby="merge-keep-label"
          data={[{ value: 'this', label: t('learners.merge.keepThis') }, { value: 'other', label: t('learners.merge.keepOther') }]} />
      </Box>
      {/* three wrapping columns fit a phone: no sideways scrolling region to reach by keyboard */}
      <Table striped withTableBorder layout="fixed" aria-label={t('learners.merge.compare')} data-testid="merge-compare"
        horizontalSpacing="xs" style={{ wordBreak: 'break-word' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="28%">{t('learners.merge.field')}</Table.Th>
            <Table.Th scope="col" w="36%">{t('learners.merge.kept')}</Table.Th>
            <Table.Th scope="col" w="36%">{t('learners.merge.away')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, value, field]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={600}>{t(label)}</Table.Th>
              <Table.Td className="kerege-wrap">
                {field && fills.has(field)
                  ? <Group gap={6}><Text span>{cell(value(duplicate))}</Text><Badge color="teal" variant="light" tt="none" styles={WRAPPING_BADGE}>{t('learners.merge.willFill')}</Badge></Group>
                  : cell(value(survivor))}
              </Table.Td>
              <Table.Td className="kerege-wrap">{cell(value(duplicate))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" className="kerege-wrap">{t('learners.merge.fillNote')}</Text>
      {merge.error ? <Alert color="red" role="alert">{refusal(t, merge.error)}</Alert> : null}
      <Group justify="space-between" gap="sm">
        <Button variant="subtle" onClick={onBack} disabled={merge.isPending}>{t('learners.merge.pickAnother')}</Button>
        <Group gap="sm">
          <Button variant="default" onClick={onClose} disabled={merge.isPending}>{t('common.cancel')}</Button>
          <Button onClick={confirm} loading={merge.isPending} data-testid="merge-confirm">{t('learners.merge.confirm')}</Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The learner's merges, newest first, each with what moved and — for coordinators — undo. */
export function MergeHistory({ learner, canUndo }: { learner: Learner; canUndo: boolean }) {
  const { t } = useTranslation();
  const merges = useLearnerMerges(learner.id);
  if (!merges.data || merges.data.items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="learner-merges">
      <Title order={2} size="h4" id="learner-merges" mb="sm">{t('learners.merge.history')}</Title>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {merges.data.items.map((m) => <MergeItem key={m.id} merge={m} learner={learner} canUndo={canUndo} />)}
      </Stack>
    </Paper>
  );
}

function MergeItem({ merge, learner, canUndo }: { merge: LearnerMergeRecord; learner: Learner; canUndo: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const undo = useUndo();
  const [asking, setAsking] = useState(false);
  const survived = merge.survivorId === learner.id;
  const otherId = survived ? merge.duplicateId : merge.survivorId;
  const other = survived ? merge.duplicate : merge.survivor;
  const name = other ? <Anchor component={Link} to={`/learners/${otherId}`}>{fullName(other)}</Anchor> : t('learners.merge.outside');
  const moved = (Object.entries(merge.moved) as Array<[keyof LearnerMergeRecord['moved'], number]>).filter(([, n]) => n > 0);
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="merge-history-item">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Box miw={0} style={{ flex: '1 1 16rem' }}>
            <Text fw={600} className="kerege-wrap">
              {t(survived ? 'learners.merge.historyItemIn' : 'learners.merge.historyItemOut')}{' '}{name}
            </Text>
            <Text size="sm" c="dimmed">{t('learners.merge.by', { date: fmt.dateTime(merge.mergedAt), user: merge.mergedBy })}</Text>
          </Box>
          {merge.undoneAt
            ? <Badge variant="outline" color="gray" tt="none">{t('learners.merge.undoneBadge')} · {fmt.date(merge.undoneAt)}</Badge>
            : canUndo && <Button variant="default" onClick={() => setAsking(true)} data-testid="merge-undo">{t('common.undo')}</Button>}
        </Group>
        {moved.length > 0 && (
          <Group gap={4}>
            {moved.map(([kind, n]) => (
              <Badge key={kind} variant="light" color="gray" tt="none">{t(`learners.merge.moved.${kind}`, { n: fmt.number(n) })}</Badge>
            ))}
          </Group>
        )}
        {merge.filled.length > 0 && (
          <Text size="sm" className="kerege-wrap">
            {t('learners.merge.filled')}: {fmt.list(merge.filled.map((f) => t(FILL_LABEL[f])))}
          </Text>
        )}
      </Stack>
      <ConfirmModal opened={asking} title={t('learners.merge.undoTitle')} message={t('learners.merge.undoQuestion')}
        confirmLabel={t('common.undo')} color="blue" pending={undo.pending} error={undo.error}
        onClose={() => setAsking(false)} onConfirm={() => void undo.run(merge.id, () => setAsking(false))} />
    </Paper>
  );
}
