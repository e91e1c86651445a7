// /my — a person's own learning: their trainings (newest first) with where they stand — enrolled,
// on the waiting list and at which place, completed — the hours they attended, and their
// certificates with the public link that verifies them. A seat that came free while they waited
// is told here once (issue 4, item 2), then marked seen.
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MyLearning as MyLearningSchema } from '../../../domain/my';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/States';
import { apiGet, apiSend } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useDateSpan } from '../trainings/parts';
import { localName } from '../../lib/names';

type MyLearning = z.output<typeof MyLearningSchema>;
type Enrolment = MyLearning['enrolments'][number];

const STATUS_COLOR: Record<Enrolment['status'], string> = { enrolled: 'blue', waiting: 'yellow', completed: 'green', dropped: 'gray' };

function TrainingCard({ e }: { e: Enrolment }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const span = useDateSpan();
  const lang = i18n.language;
  return (
    <Paper withBorder p="md" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h5" className="kerege-wrap">{localName(e.training.course, lang)}</Title>
          <Badge color={STATUS_COLOR[e.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {e.status === 'waiting' && e.waitlistPosition
              ? t('trainings.waitingAt', { position: fmt.number(e.waitlistPosition) })
              : t(`trainings.statuses.${e.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`trainings.kinds.${e.training.kind}`)} · {span(e.training.startDate, e.training.endDate)}</Text>
        <Text size="sm" c="dimmed" className="kerege-wrap">
          {localName(e.training.centre, lang)}{e.training.place ? ` · ${e.training.place}` : ''}
        </Text>
        {e.hoursPlanned > 0 && (
          <Text size="sm">{t('my.hours', { hours: fmt.number(e.hoursAttended), planned: fmt.number(e.hoursPlanned) })}</Text>
        )}
      </Stack>
    </Paper>
  );
}

export default function MyLearningPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: ['my', 'learning'], queryFn: () => apiGet<MyLearning>('/api/my/learning') });
  // The seats to tell about are kept for this visit of the page, then marked seen on the server.
  const [told, setTold] = useState<Enrolment[] | null>(null);
  const seen = useMutation({
    mutationFn: (ids: string[]) => apiSend<{ seen: number }>('POST', '/api/my/learning/seen', { enrolmentIds: ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my'] }),
  });
  useEffect(() => {
    if (!mine.data || told !== null) return;
    const fresh = mine.data.enrolments.filter((e) => e.newSeat);
    setTold(fresh);
    if (fresh.length) seen.mutate(fresh.map((e) => e.id));
  }, [mine.data, told, seen]);

  const header = <PageHeader title={t('my.title')} />;
  if (mine.isPending) return <>{header}<Loading /></>;
  if (mine.isError) return <>{header}<ErrorState error={mine.error} onRetry={() => void mine.refetch()} /></>;
  const { enrolments, certificates, linked } = mine.data;
  const lang = i18n.language;

  return (
    <Stack gap="md">
      {header}
      {told?.map((e) => (
        <Alert key={e.id} color="green" role="status" title={t('my.newSeatTitle')}>
          {t('my.newSeat', { course: localName(e.training.course, lang), date: fmt.date(e.training.startDate) })}
        </Alert>
      ))}
      {!linked ? (
        <Empty title={t('my.notLinked')}>{t('my.notLinkedHint')}</Empty>
      ) : (
        <>
          <section aria-labelledby="my-trainings">
            <Title order={2} size="h4" id="my-trainings" mb="sm">{t('my.trainings')}</Title>
            {enrolments.length === 0 ? (
              <Empty title={t('my.noTrainings')}>{t('my.noTrainingsHint')}</Empty>
            ) : (
              <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="sm" m={0} p={0} aria-labelledby="my-trainings">
                {enrolments.map((e) => <TrainingCard key={e.id} e={e} />)}
              </SimpleGrid>
            )}
          </section>
          <section aria-labelledby="my-certificates">
            <Title order={2} size="h4" id="my-certificates" mb="sm">{t('my.certificates')}</Title>
            {certificates.length === 0 ? (
              <Text size="sm" c="dimmed">{t('my.noCertificates')}</Text>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} aria-labelledby="my-certificates">
                {certificates.map((c) => (
                  <Paper key={c.code} withBorder p="sm" radius="sm" component="li" style={{ listStyle: 'none' }}>
                    <Group justify="space-between" gap="xs">
                      <Stack gap={2}>
                        <Text fw={600} className="kerege-wrap">{c.courseName}</Text>
                        <Text size="sm" c="dimmed">{c.centreName} · {fmt.date(c.issuedOn)} · {t('my.certificateHours', { hours: fmt.number(c.hours) })}</Text>
                      </Stack>
                      {c.revoked
                        ? <Badge color="red" variant="outline" tt="none">{t('my.revoked')}</Badge>
                        : <Anchor href={`/verify/${c.code}?lang=${lang}`}>{t('my.verify')}</Anchor>}
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
