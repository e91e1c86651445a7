// Who is in a training: the enrolled and completed by name, then the waiting
// list in order, then those who dropped out. For each: hours attended of the
// scheduled hours and the completion rule; mark completed (the server checks
// the course's rule), drop out (after a question), issue and download the
// certificate.
import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import '@mantine/core/styles/Progress.css';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useNotify } from '../../components/Notifications';
import { ErrorState, Loading } from '../../components/States';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { fullName } from '../learners/parts';
import {
  useCertificates, useComplete, useDrop, useEnrolments, type Certificate, type Enrolment, type TrainingDetail,
} from './api';
import { CertificateDialog, CertificateLinks } from './CertificateDialog';
import { EnrolDialog } from './EnrolDialog';
import { StatusBadge } from './parts';

/** Mantine's green-9 is 4.3:1 on white: darkened like the theme's light variants. */
const MET_COLOR = 'color-mix(in srgb, var(--mantine-color-green-9) 65%, black)';

function Completion({ enrolment, scheduled }: { enrolment: Enrolment; scheduled: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { percent, requiredPercent, met } = enrolment.completion;
  return (
    <Stack gap={2} miw={140}>
      <Text size="sm">
        {t('trainings.hoursOf', { hours: fmt.number(enrolment.hoursAttended), scheduled: fmt.number(scheduled) })}
        {' · '}
        <Text span fw={600} style={met ? { color: MET_COLOR } : undefined}>{fmt.number(percent)} %</Text>
      </Text>
      <Progress value={percent} color={met ? 'green' : 'blue'} size="sm"
        aria-label={t('trainings.completionOf', { percent: fmt.number(percent), required: fmt.number(requiredPercent) })} />
      <Text size="xs" c="dimmed">{t('trainings.ruleRequired', { percent: fmt.number(requiredPercent) })}</Text>
    </Stack>
  );
}

function RowActions({ enrolment, training, certificates, onIssue }: {
  enrolment: Enrolment; training: TrainingDetail; certificates: Certificate[]; onIssue: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const complete = useComplete();
  const drop = useDrop();
  const [asking, setAsking] = useState(false);
  const name = fullName(enrolment.learner);
  const live = !training.archivedAt;

  const markCompleted = () => complete.mutate(enrolment, {
    onSuccess: () => notify({ message: t('trainings.completedNotice', { name }) }),
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
  });

  return (
    <Stack gap={6} align="flex-start">
      <Group gap={6} wrap="wrap">
        {live && enrolment.status === 'enrolled' && (
          <Button size="xs" color="green" variant={enrolment.completion.met ? 'filled' : 'default'} loading={complete.isPending}
            onClick={markCompleted} title={enrolment.completion.met ? undefined : t('trainings.ruleNotMet')}>
            {t('trainings.markCompleted')}
          </Button>
        )}
        {enrolment.status === 'completed' && (
          <Button size="xs" variant="light" onClick={onIssue}>{t('certificates.issue')}</Button>
        )}
        {live && (enrolment.status === 'enrolled' || enrolment.status === 'waiting') && (
          <Button size="xs" variant="default" color="red" onClick={() => { drop.reset(); setAsking(true); }}>
            {enrolment.status === 'waiting' ? t('trainings.leaveWaiting') : t('trainings.drop')}
          </Button>
        )}
      </Group>
      {certificates.map((c) => <CertificateLinks key={c.id} certificate={c} revocable />)}
      <ConfirmModal
        opened={asking}
        onClose={() => !drop.isPending && setAsking(false)}
        title={t('trainings.dropTitle')}
        message={enrolment.status === 'waiting' ? t('trainings.leaveWaitingQuestion', { name }) : t('trainings.dropQuestion', { name })}
        confirmLabel={enrolment.status === 'waiting' ? t('trainings.leaveWaiting') : t('trainings.drop')}
        pending={drop.isPending}
        error={drop.error}
        onConfirm={() => drop.mutate(enrolment, {
          onSuccess: ({ promoted }) => {
            setAsking(false);
            const next = promoted.map((p) => fullName(p.learner));
            notify({ message: t('trainings.droppedNotice', { name }) + (next.length ? ` ${t('trainings.promotedNotice', { names: next.join(', ') })}` : '') });
          },
        })}
      />
    </Stack>
  );
}

export function EnrolmentsSection({ training }: { training: TrainingDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const list = useEnrolments(training.id);
  const certificates = useCertificates({ training: training.id });
  const [enrolling, setEnrolling] = useState(false);
  const [issuing, setIssuing] = useState<Enrolment | null>(null);
  const live = !training.archivedAt;

  const certsOf = (e: Enrolment) => (certificates.data?.items ?? []).filter((c) => c.enrolmentId === e.id);
  const items = list.data?.items ?? [];
  const counts = training.counts;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="training-enrolments">
      <Group justify="space-between" mb="sm" gap="xs">
        <Stack gap={0}>
          <Title order={2} size="h4" id="training-enrolments">{t('trainings.enrolments')}</Title>
          <Text size="sm" c="dimmed">
            {t('trainings.countsLine', {
              enrolled: fmt.number(counts.enrolled), completed: fmt.number(counts.completed),
              waiting: fmt.number(counts.waiting), dropped: fmt.number(counts.dropped),
            })}
            {training.seatsLeft !== null && ` · ${t('trainings.seatsLeft', { count: training.seatsLeft, formatted: fmt.number(training.seatsLeft) })}`}
          </Text>
        </Stack>
        {live && <Button onClick={() => setEnrolling(true)}>{t('trainings.enrol')}</Button>}
      </Group>

      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
        <Text c="dimmed">{t('trainings.noEnrolments')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('trainings.enrolments')}>
          {items.map((e) => (
            <Paper component="li" key={e.id} withBorder p="sm" radius="sm">
              <Stack gap={6}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/learners/${e.learnerId}`} fw={600} className="kerege-wrap">{fullName(e.learner)}</Anchor>
                  <StatusBadge enrolment={e} />
                </Group>
                {e.status !== 'waiting' && <Completion enrolment={e} scheduled={list.data.scheduledHours} />}
                <RowActions enrolment={e} training={training} certificates={certsOf(e)} onIssue={() => setIssuing(e)} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('trainings.enrolments')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings.learner')}</Table.Th>
              <Table.Th>{t('trainings.status')}</Table.Th>
              <Table.Th>{t('trainings.attendance')}</Table.Th>
              <Table.Th>{t('trainings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="kerege-wrap">
                  <Anchor component={Link} to={`/learners/${e.learnerId}`} fw={600}>{fullName(e.learner)}</Anchor>
                  {e.promotedAt && e.status === 'enrolled' && (
                    <Badge ml="xs" size="sm" variant="outline" tt="none">{t('trainings.promoted')}</Badge>
                  )}
                </Table.Td>
                <Table.Td><StatusBadge enrolment={e} /></Table.Td>
                <Table.Td>{e.status !== 'waiting' && <Completion enrolment={e} scheduled={list.data.scheduledHours} />}</Table.Td>
                <Table.Td>
                  <RowActions enrolment={e} training={training} certificates={certsOf(e)} onIssue={() => setIssuing(e)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <EnrolDialog trainingId={training.id} opened={enrolling} onClose={() => setEnrolling(false)} enrolments={items}
        seatsLeft={training.seatsLeft} />
      {issuing && (
        <CertificateDialog opened enrolmentId={issuing.id} name={fullName(issuing.learner)} defaultLanguage={training.language}
          onClose={() => setIssuing(null)} />
      )}
    </Paper>
  );
}
