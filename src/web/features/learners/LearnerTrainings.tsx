// On a learner's page: every training the person was enrolled in, anywhere in the network,
// newest first — status (with the place in line), hours attended of those scheduled, and the
// certificate. A training outside the reader's area is listed without a link: its page and
// its other learners are that area's (docs/api.md, "The learner's record").
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { groupedCode } from '../trainings/CertificateDialog';
import { StatusBadge, useDateSpan } from '../trainings/parts';
import { WRAPPING_BADGE } from './parts';
import { useLearnerEnrolments, type LearnerEnrolment } from './recordApi';

/** The course (a link when the training is in the reader's area), then its kind and centre. */
function CourseCell({ e }: { e: LearnerEnrolment }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {e.training.id
        ? <Anchor component={Link} to={`/trainings/${e.training.id}`} className="kerege-wrap" fw={600}>{e.training.courseName}</Anchor>
        : <Text className="kerege-wrap" fw={600}>{e.training.courseName}</Text>}
      <Text size="sm" className="kerege-wrap">{t(`trainings.kinds.${e.training.kind}`)} · {e.training.centreName}</Text>
      {!e.training.inScope && <Text size="xs" c="dimmed">{t('learnerRecord.trainings.elsewhere')}</Text>}
    </Stack>
  );
}

/** Each certificate: language and code (when the training is the reader's), valid or revoked. */
function Certificates({ e }: { e: LearnerEnrolment }) {
  const { t } = useTranslation();
  if (e.certificates.length === 0) return <Text c="dimmed" span>—</Text>;
  return (
    <Stack gap={4}>
      {e.certificates.map((c, i) => (
        <Text key={c.id ?? i} size="sm">
          <Text span fw={600}>{c.language.toUpperCase()}</Text>
          {c.code ? ` ${groupedCode(c.code)}` : ''}
          {' · '}
          <Text span size="sm" fw={c.revoked ? 600 : undefined} c={c.revoked ? 'red.9' : undefined}>
            {c.revoked ? t('learnerRecord.trainings.revoked') : t('learnerRecord.trainings.valid')}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

export function LearnerTrainings({ learnerId }: { learnerId: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const span = useDateSpan();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const list = useLearnerEnrolments(learnerId, i18n.language);
  const items = list.data?.items ?? [];
  const hours = (e: LearnerEnrolment) => t('trainings.hoursOf', { hours: fmt.number(e.hoursAttended), scheduled: fmt.number(e.scheduledHours) });
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="learner-trainings" data-testid="learner-trainings">
      <Title order={2} size="h4" id="learner-trainings" mb="sm">{t('learnerRecord.trainings.title')}</Title>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
        <Text c="dimmed">{t('learnerRecord.trainings.none')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((e) => (
            <Paper component="li" key={e.id} withBorder p="sm" radius="sm">
              <Stack gap={6}>
                <CourseCell e={e} />
                <Text size="sm">{span(e.training.startDate, e.training.endDate)}</Text>
                <Group gap="xs" wrap="wrap"><StatusBadge enrolment={e} styles={WRAPPING_BADGE} /><Text size="sm">{hours(e)}</Text></Group>
                <Certificates e={e} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" aria-labelledby="learner-trainings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings.course')}</Table.Th>
              <Table.Th>{t('trainings.dates')}</Table.Th>
              <Table.Th>{t('trainings.status')}</Table.Th>
              <Table.Th>{t('trainings.attendance')}</Table.Th>
              <Table.Th>{t('learnerRecord.trainings.certificate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td><CourseCell e={e} /></Table.Td>
                <Table.Td>{span(e.training.startDate, e.training.endDate)}</Table.Td>
                <Table.Td><StatusBadge enrolment={e} styles={WRAPPING_BADGE} /></Table.Td>
                <Table.Td>{hours(e)}</Table.Td>
                <Table.Td><Certificates e={e} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
