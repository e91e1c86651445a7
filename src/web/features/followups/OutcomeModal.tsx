// Record what became of a person at a follow-up (from a worklist row), or
// correct a recorded outcome. The learner, the training and the due date are
// fixed; status, employer or business, date, evidence and a note are asked.
import '@mantine/core/styles/Radio.css';
import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Notifications';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { fullName } from '../learners/parts';
import { kzToday } from '../visits/model';
import { useSaveOutcome } from './api';
import {
  EVIDENCE, OUTCOME_LIMITS, STATUSES, WITH_EMPLOYER, outcomeBody, outcomeFormErrors,
  type Evidence, type FollowUp, type Outcome, type OutcomeForm, type OutcomeStatus,
} from './model';

export type OutcomeTarget = { followUp: FollowUp } | { outcome: Outcome };

function initial(target: OutcomeTarget, today: string): OutcomeForm {
  if ('followUp' in target) return { status: null, employer: '', recordedOn: today, evidence: null, note: '' };
  const o = target.outcome;
  return { status: o.status, employer: o.employer ?? '', recordedOn: o.recordedOn ?? today, evidence: o.evidence, note: o.note ?? '' };
}

export function OutcomeModal({ target, onClose }: { target: OutcomeTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!target} onClose={onClose} size="lg" title={target && 'outcome' in target ? t('outcomes.editTitle') : t('outcomes.recordTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}>
      {target && <OutcomeFormView target={target} onDone={onClose} />}
    </Modal>
  );
}

function OutcomeFormView({ target, onDone }: { target: OutcomeTarget; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const save = useSaveOutcome();
  const today = kzToday();
  const [form, setForm] = useState(() => initial(target, today));
  const [local, setLocal] = useState<Partial<Record<keyof OutcomeForm, string>>>({});
  const server = fieldErrors(save.error);
  const isNew = 'followUp' in target;
  const learner = isNew ? target.followUp.learner : target.outcome.learner;
  const training = isNew ? target.followUp.training : target.outcome.training;
  const dueOn = isNew ? target.followUp.dueOn : target.outcome.dueOn;

  const set = <K extends keyof OutcomeForm>(key: K, value: OutcomeForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setLocal((e) => ({ ...e, [key]: undefined }));
  };
  const message = (field: keyof OutcomeForm, code: string | undefined) => {
    if (!code) return undefined;
    if (code === 'required') return t('common.required');
    return t(`errors.field.${code}`, { max: field === 'note' ? OUTCOME_LIMITS.noteMax : OUTCOME_LIMITS.employerMax });
  };
  const errorOf = (key: keyof OutcomeForm) => message(key, local[key]) ?? server[key];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const found = outcomeFormErrors(form, today);
    setLocal(found);
    if (Object.keys(found).length) return;
    const body = outcomeBody(form);
    const request = isNew
      ? { body: { ...body, learnerId: target.followUp.learnerId, trainingId: target.followUp.trainingId, dueOn: target.followUp.dueOn } }
      : { id: target.outcome.id, version: target.outcome.version, body };
    save.mutate(request, {
      onSuccess: () => {
        notify({ message: t(isNew ? 'outcomes.recordedNotice' : 'outcomes.savedNotice', { name: fullName(learner) }) });
        onDone();
      },
    });
  };

  const known = ['status', 'employer', 'recordedOn', 'evidence', 'note'];
  // Errors of fields the form has no input for (the follow-up was recorded meanwhile, …), or none at all.
  const unplaced = Object.entries(server).filter(([k]) => !known.includes(k)).map(([, m]) => m);
  if (save.isError && Object.keys(server).length === 0) unplaced.push(errorMessage(t, save.error));
  const withEmployer = !!form.status && WITH_EMPLOYER.includes(form.status);

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <Stack gap="sm">
        <Stack gap={0}>
          <Text fw={700} className="kerege-wrap">{fullName(learner)}</Text>
          {training && (
            <Text size="sm" c="dimmed" className="kerege-wrap">
              {localName(training.course.name, i18n.language)} · {t('followups.ended', { date: fmt.date(training.endDate) })}
              {dueOn ? ` · ${t('followups.dueOn', { date: fmt.date(dueOn) })}` : ''}
            </Text>
          )}
        </Stack>
        <Radio.Group id="outcome-status" label={t('outcomes.status')} required value={form.status ?? ''}
          onChange={(v) => set('status', v as OutcomeStatus)} error={errorOf('status')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={8} verticalSpacing={8} mt={6}>
            {STATUSES.map((s) => <Radio key={s} value={s} size="md" label={t(`outcomes.statuses.${s}`)} data-autofocus={s === 'employed' || undefined} />)}
          </SimpleGrid>
        </Radio.Group>
        {withEmployer && (
          <TextInput label={form.status === 'self_employed' ? t('outcomes.business') : t('outcomes.employer')}
            maxLength={OUTCOME_LIMITS.employerMax} value={form.employer} onChange={(e) => set('employer', e.currentTarget.value)}
            error={errorOf('employer')} />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('outcomes.recordedOn')} required max={today} min={training?.endDate}
            value={form.recordedOn} onChange={(e) => set('recordedOn', e.currentTarget.value)} error={errorOf('recordedOn')} />
        </SimpleGrid>
        <Radio.Group label={t('outcomes.evidence')} required={form.status !== 'unreachable'} value={form.evidence ?? ''}
          description={form.status === 'unreachable' ? t('outcomes.evidenceOptional') : undefined}
          onChange={(v) => set('evidence', v as Evidence)} error={errorOf('evidence')}>
          <Group gap="md" mt={6}>
            {EVIDENCE.map((v) => <Radio key={v} value={v} size="md" label={t(`outcomes.evidences.${v}`)} />)}
          </Group>
        </Radio.Group>
        <Textarea label={t('outcomes.note')} autosize minRows={2} maxRows={6} maxLength={OUTCOME_LIMITS.noteMax}
          value={form.note} onChange={(e) => set('note', e.currentTarget.value)} error={errorOf('note')} />
        {unplaced.length > 0 && <Alert color="red" role="alert">{unplaced.join(' ')}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{isNew ? t('outcomes.record') : t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
