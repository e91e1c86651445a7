// /courses/:id — one course: what it teaches, for whom, its completion rule,
// and its trainings in the reader's area. Edit and archive for those who may.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { LANGS } from '../../lib/types';
import { TargetGroups } from '../learners/parts';
import { useTrainingList } from '../trainings/api';
import { Field, useDateSpan } from '../trainings/parts';
import { canEditCourse, useArchiveCourse, useCourse } from './api';

function CourseTrainings({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const span = useDateSpan();
  const list = useTrainingList({ course: courseId });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="course-trainings">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="course-trainings">{t('courses.trainings')}</Title>
        <Button size="xs" variant="light" component={Link} to={`/trainings/new?course=${courseId}`}>{t('trainings.new')}</Button>
      </Group>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
        <Text c="dimmed">{t('courses.noTrainings')}</Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((tr) => (
            <li key={tr.id}>
              <Anchor component={Link} to={`/trainings/${tr.id}`} className="kerege-wrap">
                {span(tr.startDate, tr.endDate)} · {localName(tr.centre.name, i18n.language)}
              </Anchor>
              <Text span size="sm" c="dimmed"> · {t(`trainings.kinds.${tr.kind}`)}{tr.place ? ` · ${tr.place}` : ''}</Text>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export default function CoursePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const user = useUser();
  const course = useCourse(id);
  const archive = useArchiveCourse();

  if (course.isPending) return <Loading />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  const name = localName(c.name, lang);
  const editable = canEditCourse(user, c);

  return (
    <Stack gap="md">
      <PageHeader
        above={<Anchor component={Link} to="/courses" size="sm">{t('courses.title')}</Anchor>}
        title={name}
        badge={c.archivedAt ? <Badge color="red" variant="outline">{t('common.archived')}</Badge> : undefined}
        actions={editable ? (
          <>
            {!c.archivedAt && <Button component={Link} to={`/courses/${c.id}/edit`}>{t('common.edit')}</Button>}
            <ArchiveButton record={c} name={name} run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
          </>
        ) : undefined}
      />

      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="course-about">
        <Title order={2} size="h4" id="course-about" mb="sm">{t('courses.about')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          <Field label={t('courses.owner')}>{c.national ? t('courses.national') : localName(c.owner.name, lang)}</Field>
          <Field label={t('courses.category')}>{t(`courses.categories.${c.category}`)}</Field>
          <Field label={t('courses.plannedHours')}>{fmt.number(c.plannedHours)}</Field>
          <Field label={t('courses.level')}>{t(`courses.levels.${c.level}`)}</Field>
          <Field label={t('courses.languages')}>{c.languages.length ? fmt.list(c.languages.map((l) => t(`lang.${l}`))) : ''}</Field>
          <Field label={t('courses.completionPercent')}>{t('courses.completionRule', { percent: fmt.number(c.completionPercent) })}</Field>
          <Field label={t('courses.code')}>{c.code}</Field>
        </SimpleGrid>
        <Stack gap={4} mt="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{t('courses.targetGroups')}</Text>
          {c.targetGroups.length ? <TargetGroups groups={c.targetGroups} /> : <Text c="dimmed">—</Text>}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="course-description">
        <Title order={2} size="h4" id="course-description" mb="sm">{t('courses.description')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, md: 3 }} spacing="md" m={0}>
          {LANGS.map((l) => (
            <Field key={l} label={t(`lang.${l}`)}>{c.description[l] ? <span lang={l}>{c.description[l]}</span> : ''}</Field>
          ))}
        </SimpleGrid>
      </Paper>

      <CourseTrainings courseId={c.id} />
    </Stack>
  );
}
