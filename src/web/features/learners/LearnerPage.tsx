// /learners/:id — one learner, read-only; edit, archive and restore. The
// window title says "Learner", not the name: titles end up in the browser's
// history on a shared PC.
import '../../components/pageStyles';
import { Alert, Anchor, Badge, Box, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { useUser } from '../../lib/auth';
import { canMergeLearners } from '../../lib/roles';
import { LearnerCertificates } from '../trainings/LearnerCertificates';
import { useArchiveLearner, useLearner } from './api';
import { LearnerLinks } from './LearnerLinks';
import { LearnerTrainings } from './LearnerTrainings';
import { MergeAction, MergeHistory } from './Merge';
import { TargetGroups, boundCentre, displayPhone, fullName, usePrivateTitle } from './parts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <Text component="dd" m={0} className="kerege-wrap" c={empty ? 'dimmed' : undefined}>
        {empty ? '—' : children}
      </Text>
    </Box>
  );
}

export default function LearnerPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const learner = useLearner(id);
  const archive = useArchiveLearner();
  const user = useUser();
  const mayMerge = canMergeLearners(user);
  const ownCentre = boundCentre(user);
  usePrivateTitle(t('learners.one'));

  if (learner.isPending) return <Loading />;
  if (learner.isError) return <ErrorState error={learner.error} onRetry={() => void learner.refetch()} />;
  const l = learner.data;
  const name = fullName(l);
  // Registered at another centre and linked to this one: readable here, edited by its home centre.
  const linkedHere = ownCentre !== null && l.centreId !== ownCentre;
  const languages = l.languages.map((code) => (code === 'kk' || code === 'ru' || code === 'en' ? t(`lang.${code}`) : t(`learners.languages.${code}`)));

  return (
    <Stack gap="md">
      <PageHeader
        above={<Anchor component={Link} to="/learners" size="sm">{t('learners.title')}</Anchor>}
        // A node, not a string: PageHeader would put a string (the name) in the window title.
        title={<span>{name}</span>}
        badge={l.archivedAt ? <Badge color="red" variant="outline">{t('common.archived')}</Badge> : undefined}
        actions={
          <>
            {!l.archivedAt && !l.mergedInto && !linkedHere && (
              <Button component={Link} to={`/learners/${l.id}/edit`}>{t('common.edit')}</Button>
            )}
            {mayMerge && !l.archivedAt && !l.mergedInto && <MergeAction learner={l} />}
            {!linkedHere && (
              <ArchiveButton record={l} name={name}
                run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
            )}
          </>
        }
      />

      {linkedHere && (
        <Alert color="blue" role="status" data-testid="learner-linked">{t('learners.link.linkedNote')}</Alert>
      )}

      {l.mergedInto && (
        <Alert color="yellow" role="status">
          {t('learners.mergedInto')}{' '}
          <Anchor component={Link} to={`/learners/${l.mergedInto}`}>{t('learners.openMerged')}</Anchor>
        </Alert>
      )}

      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="learner-person">
        <Title order={2} size="h4" id="learner-person" mb="sm">{t('learners.sectionPerson')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          <Field label={t('learners.lastName')}>{l.lastName}</Field>
          <Field label={t('learners.firstName')}>{l.firstName}</Field>
          <Field label={t('learners.middleName')}>{l.middleName}</Field>
          <Field label={t('learners.sex')}>{t(`learners.sexes.${l.sex}`)}</Field>
          <Field label={t('learners.birthDate')}>{fmt.date(l.birthDate)}</Field>
          <Field label={t('learners.iin')}>{l.iin}</Field>
          <Field label={t('learners.phone')}>
            {l.phone && <Anchor href={`tel:${l.phone}`}>{displayPhone(l.phone)}</Anchor>}
          </Field>
          <Field label={t('learners.settlement')}>{l.settlement ? localName(l.settlement.name, lang) : ''}</Field>
          <Field label={t('learners.languagesLabel')}>{languages.length ? fmt.list(languages) : ''}</Field>
          <Field label={t('learners.education')}>{l.education ? t(`learners.educations.${l.education}`) : ''}</Field>
          <Field label={t('learners.employmentStatus')}>
            {l.employmentStatus ? t(`learners.employment.${l.employmentStatus}`) : ''}
          </Field>
          <Field label={t('learners.registeredUnemployed')}>{l.registeredUnemployed ? t('learners.yes') : t('learners.no')}</Field>
        </SimpleGrid>
        <Box mt="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }} mb={4}>
            {t('learners.targetGroupsLabel')}
          </Text>
          {l.targetGroups.length ? <TargetGroups groups={l.targetGroups} /> : <Text c="dimmed">—</Text>}
        </Box>
      </Paper>

      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="learner-registration">
        <Title order={2} size="h4" id="learner-registration" mb="sm">{t('learners.sectionRegistration')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          <Field label={t('learners.centre')}>
            <Anchor component={Link} to={`/centres/${l.centre.id}`}>{localName(l.centre.name, lang)}</Anchor>
          </Field>
          <Field label={t('learners.consent.date')}>{fmt.date(l.consent.date)}</Field>
          <Field label={t('learners.consent.version')}>{l.consent.version}</Field>
          <Field label={t('learners.consent.guardianName')}>{l.consent.guardianName}</Field>
          <Field label={t('common.updatedAt')}>{fmt.dateTime(l.updatedAt)}</Field>
        </SimpleGrid>
      </Paper>

      <LearnerLinks learnerId={l.id} />
      <MergeHistory learner={l} canUndo={mayMerge} />
      <LearnerTrainings learnerId={l.id} />
      <LearnerCertificates learnerId={l.id} />
    </Stack>
  );
}
