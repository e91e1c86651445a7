// On a learner's page: the certificates issued to them, each with its training,
// its PDF, its public verification page and, for those who may, "Revoke".
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { useCertificates, type Certificate } from './api';
import { CertificateLinks } from './CertificateDialog';
import { useDateSpan } from './parts';

function TrainingLink({ c }: { c: Certificate }) {
  return <Anchor component={Link} to={`/trainings/${c.trainingId}`} lang={c.language} className="kerege-wrap">{c.courseName}</Anchor>;
}

export function LearnerCertificates({ learnerId }: { learnerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const span = useDateSpan();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const list = useCertificates({ learner: learnerId });
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="learner-certificates">
      <Title order={2} size="h4" id="learner-certificates" mb="sm">{t('certificates.title')}</Title>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
        <Text c="dimmed">{t('certificates.none')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" radius="sm">
              <Stack gap={4}>
                <TrainingLink c={c} />
                <Text size="sm" lang={c.language} className="kerege-wrap">{c.centreName}</Text>
                <Text size="sm">{span(c.startDate, c.endDate)} · {t('certificates.issuedOn', { date: fmt.date(c.issuedOn) })}</Text>
                <CertificateLinks certificate={c} revocable />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('certificates.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificates.course')}</Table.Th>
              <Table.Th>{t('certificates.centre')}</Table.Th>
              <Table.Th>{t('certificates.dates')}</Table.Th>
              <Table.Th ta="end">{t('certificates.hours')}</Table.Th>
              <Table.Th>{t('certificates.issuedOnLabel')}</Table.Th>
              <Table.Th>{t('certificates.document')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><TrainingLink c={c} /></Table.Td>
                <Table.Td className="kerege-wrap" lang={c.language}>{c.centreName}</Table.Td>
                <Table.Td>{span(c.startDate, c.endDate)}</Table.Td>
                <Table.Td ta="end">{fmt.number(c.hours)}</Table.Td>
                <Table.Td>{fmt.date(c.issuedOn)}</Table.Td>
                <Table.Td><CertificateLinks certificate={c} revocable /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
