// A registered learner came in: pick the person (searched across scripts, in
// the reader's area) and why they came. Recorded once per centre, day and
// purpose: a double click or a retry answers the visit already there.
import { Alert, Button, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Notifications';
import { RecordSelect } from '../../components/RecordSelect';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Learner } from '../learners/api';
import { fullName } from '../learners/parts';
import { useRecordLearnerVisit } from './api';
import { PURPOSES, type Purpose } from './model';

export function LearnerVisit({ centreId, date }: { centreId: string; date: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const record = useRecordLearnerVisit();
  const [learnerId, setLearnerId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<Purpose>('internet');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrors(record.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (record.isPending) return;
    if (!learnerId) {
      setMissing(true);
      return;
    }
    record.mutate({ centreId, date, purpose, learnerId }, {
      onSuccess: (visit) => {
        notify({
          message: t('visits.learnerRecorded', {
            name: visit.learner ? fullName(visit.learner) : '', purpose: t(`visits.purposes.${purpose}`), date: fmt.date(date),
          }),
        });
        setLearnerId(null);
      },
    });
  };
  const otherError = record.isError && !errors.learnerId && !errors.purpose;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="visits-learner-title">
      <form onSubmit={submit} noValidate autoComplete="off">
        <Stack gap="sm">
          <Title order={2} size="h4" id="visits-learner-title">{t('visits.learnerTitle')}</Title>
          <Text size="sm" c="dimmed">{t('visits.learnerHelp')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <RecordSelect<Learner>
              endpoint="/api/learners"
              resource="learners"
              label={t('visits.learner')}
              required
              value={learnerId}
              onChange={(id) => { setLearnerId(id); setMissing(false); record.reset(); }}
              toLabel={(l) => `${fullName(l)} · ${fmt.date(l.birthDate)}`}
              error={missing ? t('common.required') : errors.learnerId}
            />
            <Select label={t('visits.purpose')} required allowDeselect={false} value={purpose}
              onChange={(v) => v && setPurpose(v as Purpose)} error={errors.purpose}
              data={PURPOSES.map((p) => ({ value: p, label: t(`visits.purposes.${p}`) }))} />
          </SimpleGrid>
          {otherError && <Alert color="red" role="alert">{errorMessage(t, record.error)}</Alert>}
          <Button type="submit" variant="outline" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('visits.recordLearner')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
