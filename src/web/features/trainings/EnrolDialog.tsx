// Enrol one learner or many at once: search the learners in the reader's area,
// tick several, enrol them in one request. The order of ticking is the order
// sent: when the seats run out, the rest join the waiting list in that order.
import '@mantine/core/styles/List.css';
import { Alert, Badge, Button, Checkbox, Group, List, Modal, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput';
import { useNotify } from '../../components/Notifications';
import { ErrorState, Loading } from '../../components/States';
import { ApiError, apiGet, type Page } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Learner } from '../learners/api';
import { fullName } from '../learners/parts';
import { useEnrol, type Enrolment } from './api';
import { StatusBadge } from './parts';

interface Picked { id: string; name: string }

export function EnrolDialog({ trainingId, opened, onClose, enrolments, seatsLeft }: {
  trainingId: string;
  opened: boolean;
  onClose: () => void;
  enrolments: Enrolment[];
  seatsLeft: number | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const enrol = useEnrol(trainingId);
  // Search term (a name) stays in memory: never in the address bar.
  const found = useQuery({
    queryKey: ['learners', 'list', { q, pick: true }],
    queryFn: () => apiGet<Page<Learner>>('/api/learners', { q: q || undefined, limit: 50 }),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const current = new Map(enrolments.filter((e) => e.status !== 'dropped').map((e) => [e.learnerId, e]));

  const toggle = (l: Learner, on: boolean) =>
    setPicked((list) => (on ? [...list, { id: l.id, name: fullName(l) }] : list.filter((p) => p.id !== l.id)));

  const close = () => {
    if (enrol.isPending) return;
    enrol.reset();
    setPicked([]);
    setQ('');
    onClose();
  };

  const submit = () => {
    enrol.mutate(picked.map((p) => p.id), {
      onSuccess: ({ items }) => {
        const seated = items.filter((e) => e.status === 'enrolled').length;
        const waiting = items.length - seated;
        notify({ message: t('trainings.enrolledNotice', { count: seated, formatted: fmt.number(seated) })
          + (waiting ? ` ${t('trainings.waitingNotice', { count: waiting, formatted: fmt.number(waiting) })}` : '') });
        setPicked([]);
        setQ('');
        enrol.reset();
        onClose();
      },
    });
  };

  // Field errors name a position in the list sent (`learnerIds.2`): say whose it is.
  const problems = enrol.error instanceof ApiError
    ? enrol.error.fields.map((f) => {
      const index = Number(/learnerIds\.(\d+)/.exec(f.field)?.[1]);
      return `${picked[index]?.name ?? f.field}: ${f.message}`;
    })
    : [];
  const items = found.data?.items ?? [];
  const willWait = seatsLeft !== null && picked.length > seatsLeft ? picked.length - seatsLeft : 0;

  return (
    <Modal opened={opened} onClose={close} title={t('trainings.enrolTitle')} size="lg" fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <SearchInput label={t('trainings.findLearner')} placeholder={t('learners.searchPlaceholder')} value={q} onSearch={setQ} />
        {found.isPending ? <Loading /> : found.isError ? <ErrorState error={found.error} onRetry={() => void found.refetch()} /> : (
          items.length === 0 ? <Text c="dimmed">{t('common.nothingFound')}</Text> : (
            <ScrollArea.Autosize mah={isPhone ? undefined : 340} type="auto" aria-busy={found.isFetching}>
              <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('trainings.learnersFound')}>
                {items.map((l) => {
                  const already = current.get(l.id);
                  return (
                    <li key={l.id}>
                      <Group gap="sm" wrap="nowrap" justify="space-between" py={4}>
                        <Checkbox size="md" disabled={!!already} checked={!!already || picked.some((p) => p.id === l.id)}
                          onChange={(e) => toggle(l, e.currentTarget.checked)}
                          label={<>{fullName(l)} <Text span size="sm" c="dimmed">{fmt.date(l.birthDate)}</Text></>} />
                        {already && <StatusBadge enrolment={already} />}
                      </Group>
                    </li>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          )
        )}
        {picked.length > 0 && (
          <Paper withBorder p="xs" radius="sm" bg="gray.0">
            <Text size="sm" fw={600} mb={4}>{t('trainings.picked', { count: picked.length, formatted: fmt.number(picked.length) })}</Text>
            <Group gap={4}>
              {picked.map((p, i) => (
                <Badge key={p.id} variant="light" tt="none" color={seatsLeft !== null && i >= seatsLeft ? 'yellow' : 'blue'}>
                  {p.name}
                </Badge>
              ))}
            </Group>
            {willWait > 0 && (
              <Text size="sm" mt={4}>{t('trainings.willWait', { count: willWait, formatted: fmt.number(willWait) })}</Text>
            )}
          </Paper>
        )}
        {enrol.error ? (
          <Alert color="red" role="alert" title={problems.length ? t('trainings.enrolRefused') : undefined}>
            {problems.length ? <List size="sm">{problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List> : errorMessage(t, enrol.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={enrol.isPending}>{t('common.cancel')}</Button>
          <Button onClick={submit} disabled={picked.length === 0} loading={enrol.isPending}>
            {t('trainings.enrolN', { count: picked.length, formatted: fmt.number(picked.length) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
