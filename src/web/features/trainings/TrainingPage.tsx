// /trainings/:id — one training: what, where, when and who; its meetings (with
// the attendance sheets) and its learners (enrolment, waiting list,
// completion, certificates).
import '../../components/pageStyles';
import { Anchor, Badge, Button, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { useArchiveTraining, useTraining } from './api';
import { EnrolmentsSection } from './EnrolmentsSection';
import { MeetingsSection } from './MeetingsSection';
import { Field, trainingName, useDateSpan } from './parts';

export default function TrainingPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const span = useDateSpan();
  const training = useTraining(id);
  const archive = useArchiveTraining();

  if (training.isPending) return <Loading />;
  if (training.isError) return <ErrorState error={training.error} onRetry={() => void training.refetch()} />;
  const tr = training.data;
  const name = trainingName(tr, lang);
  const staff = (list: { displayName: string }[]) => (list.length ? fmt.list(list.map((s) => s.displayName)) : '');

  return (
    <Stack gap="md">
      <PageHeader
        above={<Anchor component={Link} to="/trainings" size="sm">{t('trainings.title')}</Anchor>}
        title={name}
        badge={<>
          <Badge variant="light" tt="none">{t(`trainings.kinds.${tr.kind}`)}</Badge>
          {tr.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
        </>}
        actions={<>
          {!tr.archivedAt && <Button component={Link} to={`/trainings/${tr.id}/edit`}>{t('common.edit')}</Button>}
          {!tr.archivedAt && (
            <Button variant="default" component={Link} to={`/import?${new URLSearchParams({ kind: 'attendance', training: tr.id, centre: tr.centreId })}`}>
              {t('trainings.importAttendance')}
            </Button>
          )}
          <ArchiveButton record={tr} name={`${name}, ${span(tr.startDate, tr.endDate)}`}
            run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
        </>}
      />

      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="training-about">
        <Title order={2} size="h4" id="training-about" mb="sm">{t('trainings.about')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          <Field label={t('trainings.course')}>
            <Anchor component={Link} to={`/courses/${tr.courseId}`}>{name}</Anchor>
          </Field>
          <Field label={t('trainings.dates')}>{span(tr.startDate, tr.endDate)}</Field>
          <Field label={t('trainings.centre')}>
            <Anchor component={Link} to={`/centres/${tr.centreId}`}>{localName(tr.centre.name, lang)}</Anchor>
          </Field>
          <Field label={t('trainings.place')}>{tr.place}</Field>
          <Field label={t('trainings.language')}>{t(`lang.${tr.language}`)}</Field>
          <Field label={t('trainings.capacity')}>{tr.capacity === null ? t('trainings.noLimit') : fmt.number(tr.capacity)}</Field>
          <Field label={t('trainings.trainers')}>{staff(tr.trainers)}</Field>
          <Field label={t('trainings.volunteers')}>{staff(tr.volunteers)}</Field>
          <Field label={t('courses.completionPercent')}>
            {t('courses.completionRule', { percent: fmt.number(tr.course.completionPercent) })}
          </Field>
          {tr.note && <Field label={t('trainings.note')}>{tr.note}</Field>}
        </SimpleGrid>
      </Paper>

      <MeetingsSection training={tr} />
      <EnrolmentsSection training={tr} />
    </Stack>
  );
}
