// /trainings/new and /trainings/:id/edit — a training of a course at a centre,
// or, for the mobile IT-Yurt, at a named place. The centre is fixed once
// created (moving a training would move its enrolments and marks).
import '../../components/pageStyles';
import {
  Anchor, Fieldset, Input, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { TRAINING_KINDS } from '../../../domain/learning';
import { TRAINING_LIMITS } from '../../../domain/trainings';
import { PageHeader } from '../../components/PageHeader';
import { RecordSelect } from '../../components/RecordSelect';
import { ErrorState, Loading } from '../../components/States';
import { apiGet } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { localName, type Lang } from '../../lib/names';
import { LANGS, type Centre } from '../../lib/types';
import type { Course } from '../courses/api';
import { boundCentre } from '../learners/parts';
import { useSaveTraining, useTraining, type TrainingDetail } from './api';
import { FormAlerts, FormFooter, useRefusalFocus } from '../../components/Form';
import { changedFields, trainingName } from './parts';
import { StaffPicker } from './StaffPicker';

const FIELDS = ['courseId', 'centreId', 'kind', 'place', 'startDate', 'endDate', 'capacity', 'language', 'trainerIds', 'volunteerIds', 'note'];

interface TrainingForm {
  courseId: string | null;
  centreId: string | null;
  kind: string;
  place: string;
  startDate: string;
  endDate: string;
  capacity: number | '';
  language: Lang;
  trainerIds: string[];
  volunteerIds: string[];
  note: string;
}

function initial(tr: TrainingDetail | undefined, defaults: { course: string | null; centre: string | null; lang: Lang }): TrainingForm {
  if (!tr) {
    return {
      courseId: defaults.course, centreId: defaults.centre, kind: 'training', place: '', startDate: '', endDate: '',
      capacity: 15, language: defaults.lang, trainerIds: [], volunteerIds: [], note: '',
    };
  }
  return {
    courseId: tr.courseId, centreId: tr.centreId, kind: tr.kind, place: tr.place ?? '', startDate: tr.startDate, endDate: tr.endDate,
    capacity: tr.capacity ?? '', language: tr.language, trainerIds: tr.trainers.map((s) => s.id),
    volunteerIds: tr.volunteers.map((s) => s.id), note: tr.note ?? '',
  };
}

function toBody(f: TrainingForm): Record<string, unknown> {
  return {
    courseId: f.courseId, kind: f.kind, place: f.place.trim() || null, startDate: f.startDate, endDate: f.endDate,
    capacity: f.capacity === '' ? null : f.capacity, language: f.language, trainerIds: f.trainerIds,
    volunteerIds: f.volunteerIds, note: f.note.trim() || null,
  };
}

export default function TrainingEditPage() {
  const { id } = useParams();
  const training = useTraining(id);
  if (id && training.isPending) return <Loading />;
  if (id && training.isError) return <ErrorState error={training.error} onRetry={() => void training.refetch()} />;
  return <TrainingFormView key={training.data?.id ?? 'new'} training={id ? training.data : undefined}
    onReload={() => training.refetch()} />;
}

function TrainingFormView({ training, onReload }: { training?: TrainingDetail; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const user = useUser();
  const save = useSaveTraining();
  const own = boundCentre(user);
  const defaults = { course: params.get('course'), centre: own, lang };
  const [form, setForm] = useState<TrainingForm>(() => initial(training, defaults));
  const [missing, setMissing] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof TrainingForm>(k: K, v: TrainingForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  // The IT-Yurt travels: at a mobile centre the place is required.
  const centre = useQuery({
    queryKey: ['centres', 'one', form.centreId],
    queryFn: () => apiGet<Centre>(`/api/centres/${encodeURIComponent(form.centreId!)}`),
    enabled: !!form.centreId,
    staleTime: 5 * 60_000,
  });
  const mobile = centre.data?.type === 'mobile' || training?.centre.type === 'mobile';

  const hasMissing = Object.keys(missing).length > 0;
  const errors = hasMissing ? missing : fieldErrors(save.error);
  useRefusalFocus(formRef, alertRef, save.error, missing);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, {
      courseId: form.courseId, centreId: form.centreId, startDate: form.startDate, endDate: form.endDate,
      capacity: form.capacity, ...(mobile ? { place: form.place } : {}),
    });
    setMissing(lack);
    if (Object.keys(lack).length) return;
    const full = toBody(form);
    const body = training ? changedFields(full, toBody(initial(training, defaults))) : { ...full, centreId: form.centreId };
    if (training && Object.keys(body).length === 0) {
      navigate(`/trainings/${training.id}`);
      return;
    }
    save.mutate({ id: training?.id, version: training?.version, body }, { onSuccess: (saved) => navigate(`/trainings/${saved.id}`) });
  };

  const reload = async () => {
    save.reset();
    const fresh = (await onReload()) as { data?: TrainingDetail };
    if (fresh.data) setForm(initial(fresh.data, defaults));
  };

  const title = training ? t('trainings.editTitle') : t('trainings.new');
  const centreFixed = training ? localName(training.centre.name, lang) : own && user.orgUnit ? localName(user.orgUnit.name, lang) : null;

  return (
    <Stack gap="md">
      <PageHeader title={title} above={
        <Anchor component={Link} to={training ? `/trainings/${training.id}` : '/trainings'} size="sm">
          {training ? trainingName(training, lang) : t('trainings.title')}
        </Anchor>} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlerts ref={alertRef} error={save.error} missing={hasMissing} others={otherFieldErrors(errors, FIELDS)}
            onReload={training ? () => void reload() : undefined} />

          <Fieldset legend={t('trainings.sectionWhat')}>
            <Stack gap="sm">
              <RecordSelect<Course> endpoint="/api/courses" resource="courses" label={t('trainings.course')} required
                value={form.courseId} onChange={(v) => set('courseId', v)} toLabel={(c) => localName(c.name, lang)}
                error={errorFor(errors, 'courseId')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select label={t('trainings.kind')} required allowDeselect={false} value={form.kind} onChange={(v) => v && set('kind', v)}
                  data={TRAINING_KINDS.map((k) => ({ value: k, label: t(`trainings.kinds.${k}`) }))} error={errorFor(errors, 'kind')} />
                <Select label={t('trainings.language')} required allowDeselect={false} value={form.language}
                  onChange={(v) => v && set('language', v as Lang)} data={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
                  error={errorFor(errors, 'language')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('trainings.sectionWhere')}>
            <Stack gap="sm">
              {centreFixed !== null ? (
                <Input.Wrapper label={t('trainings.centre')} labelElement="div" error={errorFor(errors, 'centreId')}>
                  <Text className="kerege-wrap" mt={2}>{centreFixed}</Text>
                </Input.Wrapper>
              ) : (
                <RecordSelect<Centre> endpoint="/api/centres" resource="centres" label={t('trainings.centre')} required
                  value={form.centreId} onChange={(v) => set('centreId', v)} toLabel={(c) => localName(c.name, lang)}
                  error={errorFor(errors, 'centreId')} />
              )}
              <TextInput label={t('trainings.place')} required={mobile}
                description={mobile ? t('trainings.placeMobileHelp') : t('trainings.placeHelp')}
                maxLength={TRAINING_LIMITS.placeMax} value={form.place} onChange={(e) => set('place', e.currentTarget.value)}
                error={errorFor(errors, 'place')} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('trainings.sectionWhen')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput type="date" label={t('trainings.startDate')} required value={form.startDate}
                onChange={(e) => set('startDate', e.currentTarget.value)} error={errorFor(errors, 'startDate')} />
              <TextInput type="date" label={t('trainings.endDate')} required value={form.endDate} min={form.startDate || undefined}
                onChange={(e) => set('endDate', e.currentTarget.value)} error={errorFor(errors, 'endDate')} />
              <NumberInput label={t('trainings.capacity')} required min={TRAINING_LIMITS.capacityMin} max={TRAINING_LIMITS.capacityMax}
                allowDecimal={false} allowNegative={false} value={form.capacity}
                onChange={(v) => set('capacity', v === '' ? '' : Number(v))} error={errorFor(errors, 'capacity')} />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('trainings.sectionWho')}>
            <Stack gap="sm">
              <StaffPicker centreId={form.centreId} label={t('trainings.trainers')} value={form.trainerIds} known={training?.trainers ?? []}
                onChange={(v) => set('trainerIds', v)} error={errorFor(errors, 'trainerIds')} />
              <StaffPicker centreId={form.centreId} label={t('trainings.volunteers')} value={form.volunteerIds} known={training?.volunteers ?? []}
                onChange={(v) => set('volunteerIds', v)} error={errorFor(errors, 'volunteerIds')} />
              <Textarea label={t('trainings.note')} autosize minRows={2} maxRows={6} value={form.note}
                onChange={(e) => set('note', e.currentTarget.value)} error={errorFor(errors, 'note')} />
            </Stack>
          </Fieldset>

          <FormFooter pending={save.isPending} onCancel={() => navigate(training ? `/trainings/${training.id}` : '/trainings')} />
        </Stack>
      </form>
    </Stack>
  );
}
