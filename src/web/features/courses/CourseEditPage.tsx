// /courses/new and /courses/:id/edit — a course in three languages. Who owns a
// new course follows the server's rule (docs/decisions/0011): national staff
// choose the national catalogue or a centre, a regional coordinator a centre of
// the oblast, centre staff their own centre. The owner is fixed once created.
import '../../components/pageStyles';
import '@mantine/core/styles/Radio.css';
import {
  Anchor, Checkbox, Fieldset, Group, Input, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CATEGORIES, COURSE_LEVELS, LEARNING_LIMITS, TARGET_GROUPS } from '../../../domain/learning';
import { NamesInputs } from '../../components/NamesInputs';
import { PageHeader } from '../../components/PageHeader';
import { RecordSelect } from '../../components/RecordSelect';
import { ErrorState, Loading } from '../../components/States';
import { useUser } from '../../lib/auth';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { localName, type Lang, type Names } from '../../lib/names';
import { LANGS, type Centre } from '../../lib/types';
import { boundCentre } from '../learners/parts';
import { FormAlerts, FormFooter, useRefusalFocus } from '../../components/Form';
import { changedFields } from '../trainings/parts';
import { canWriteNational, useCourse, useSaveCourse, type Course } from './api';

const FIELDS = ['orgUnitId', 'code', 'name', 'description', 'category', 'plannedHours', 'languages', 'targetGroups', 'level', 'completionPercent'];

interface CourseForm {
  owner: 'national' | 'centre';
  centreId: string | null;
  code: string;
  name: Names;
  description: Names;
  category: string | null;
  plannedHours: number | '';
  languages: Lang[];
  targetGroups: string[];
  level: string;
  completionPercent: number | '';
}

function initial(course: Course | undefined, nationalByDefault: boolean, ownCentre: string | null): CourseForm {
  if (!course) {
    return {
      owner: nationalByDefault ? 'national' : 'centre', centreId: ownCentre, code: '', name: { kk: '', ru: '', en: '' },
      description: { kk: '', ru: '', en: '' }, category: null, plannedHours: '', languages: ['kk', 'ru'], targetGroups: [],
      level: 'beginner', completionPercent: 80,
    };
  }
  return {
    owner: course.national ? 'national' : 'centre', centreId: course.national ? null : course.orgUnitId, code: course.code ?? '',
    name: { ...course.name },
    description: { kk: course.description.kk ?? '', ru: course.description.ru ?? '', en: course.description.en ?? '' },
    category: course.category, plannedHours: course.plannedHours, languages: [...course.languages],
    targetGroups: [...course.targetGroups], level: course.level, completionPercent: course.completionPercent,
  };
}

/** The editable fields as the API takes them (the owner only on create). */
function toBody(f: CourseForm): Record<string, unknown> {
  const text = (v: string) => (v.trim() ? v.trim() : null);
  return {
    code: text(f.code),
    name: { kk: f.name.kk.trim(), ru: f.name.ru.trim(), en: f.name.en.trim() },
    description: { kk: text(f.description.kk), ru: text(f.description.ru), en: text(f.description.en) },
    category: f.category,
    plannedHours: f.plannedHours === '' ? null : f.plannedHours,
    languages: f.languages,
    targetGroups: f.targetGroups,
    level: f.level,
    completionPercent: f.completionPercent === '' ? null : f.completionPercent,
  };
}

export default function CourseEditPage() {
  const { id } = useParams();
  const course = useCourse(id);
  if (id && course.isPending) return <Loading />;
  if (id && course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return <CourseFormView key={course.data?.id ?? 'new'} course={id ? course.data : undefined} onReload={() => course.refetch()} />;
}

function CourseFormView({ course, onReload }: { course?: Course; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const user = useUser();
  const save = useSaveCourse();
  const national = canWriteNational(user);
  const ownCentre = boundCentre(user);
  const [form, setForm] = useState<CourseForm>(() => initial(course, national, ownCentre));
  const [missing, setMissing] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof CourseForm>(k: K, v: CourseForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const hasMissing = Object.keys(missing).length > 0;
  const errors = hasMissing ? missing : fieldErrors(save.error);
  useRefusalFocus(formRef, alertRef, save.error, missing);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, {
      'name.kk': form.name.kk, 'name.ru': form.name.ru, 'name.en': form.name.en, category: form.category,
      plannedHours: form.plannedHours, completionPercent: form.completionPercent,
      ...(!course && form.owner === 'centre' ? { orgUnitId: form.centreId } : {}),
    });
    setMissing(lack);
    if (Object.keys(lack).length) return;
    const full = toBody(form);
    const body = course ? changedFields(full, toBody(initial(course, national, ownCentre))) : {
      ...full, orgUnitId: form.owner === 'national' ? 'KZ' : form.centreId,
    };
    if (course && Object.keys(body).length === 0) {
      navigate(`/courses/${course.id}`);
      return;
    }
    save.mutate({ id: course?.id, version: course?.version, body }, { onSuccess: (saved) => navigate(`/courses/${saved.id}`) });
  };

  const reload = async () => {
    save.reset();
    const fresh = (await onReload()) as { data?: Course };
    if (fresh.data) setForm(initial(fresh.data, national, ownCentre));
  };

  const title = course ? t('courses.editTitle', { name: localName(course.name, lang) }) : t('courses.new');
  const ownerLabel = course
    ? (course.national ? t('courses.national') : localName(course.owner.name, lang))
    : ownCentre && !national && user.orgUnit ? localName(user.orgUnit.name, lang) : null;

  return (
    <Stack gap="md">
      <PageHeader title={title}
        above={<Anchor component={Link} to={course ? `/courses/${course.id}` : '/courses'} size="sm">{t('courses.title')}</Anchor>} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlerts ref={alertRef} error={save.error} missing={hasMissing} others={otherFieldErrors(errors, FIELDS)}
            onReload={course ? () => void reload() : undefined} />

          <Fieldset legend={t('courses.sectionOwner')}>
            {ownerLabel !== null ? (
              <Input.Wrapper label={t('courses.owner')} labelElement="div" error={errorFor(errors, 'orgUnitId')}>
                <Text className="kerege-wrap" mt={2}>{ownerLabel}</Text>
              </Input.Wrapper>
            ) : (
              <Stack gap="sm">
                {national && (
                  <Radio.Group label={t('courses.owner')} value={form.owner} onChange={(v) => set('owner', v as CourseForm['owner'])}>
                    <Group gap="lg" mt={6}>
                      <Radio value="national" label={t('courses.national')} />
                      <Radio value="centre" label={t('courses.ownerCentre')} />
                    </Group>
                  </Radio.Group>
                )}
                {form.owner === 'centre' && (
                  <RecordSelect<Centre> endpoint="/api/centres" resource="centres" label={t('courses.centre')} required
                    value={form.centreId} onChange={(v) => set('centreId', v)} toLabel={(c) => localName(c.name, lang)}
                    error={errorFor(errors, 'orgUnitId')} />
                )}
              </Stack>
            )}
          </Fieldset>

          <Fieldset legend={t('courses.sectionName')}>
            <Stack gap="sm">
              <NamesInputs stacked value={form.name} onChange={(v) => set('name', v)} errors={errors} />
              {LANGS.map((l) => (
                <Textarea key={l} lang={l} label={t(`courses.descriptionIn.${l}`)} autosize minRows={2} maxRows={8}
                  value={form.description[l]} onChange={(e) => set('description', { ...form.description, [l]: e.currentTarget.value })}
                  error={errorFor(errors, `description.${l}`)} />
              ))}
              <TextInput label={t('courses.code')} description={t('courses.codeHelp')} value={form.code} autoCapitalize="none"
                spellCheck={false} onChange={(e) => set('code', e.currentTarget.value)} error={errorFor(errors, 'code')} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('courses.sectionTeaching')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select label={t('courses.category')} required value={form.category} onChange={(v) => set('category', v)}
                  data={CATEGORIES.map((c) => ({ value: c, label: t(`courses.categories.${c}`) }))}
                  error={errorFor(errors, 'category')} />
                <Select label={t('courses.level')} required allowDeselect={false} value={form.level}
                  onChange={(v) => v && set('level', v)} data={COURSE_LEVELS.map((l) => ({ value: l, label: t(`courses.levels.${l}`) }))}
                  error={errorFor(errors, 'level')} />
                <NumberInput label={t('courses.plannedHours')} required min={0.5} max={LEARNING_LIMITS.plannedHoursMax}
                  decimalScale={1} allowNegative={false} value={form.plannedHours}
                  onChange={(v) => set('plannedHours', v === '' ? '' : Number(v))} error={errorFor(errors, 'plannedHours')} />
                <NumberInput label={t('courses.completionPercent')} description={t('courses.completionHelp')} required
                  min={1} max={100} allowDecimal={false} allowNegative={false} suffix=" %" value={form.completionPercent}
                  onChange={(v) => set('completionPercent', v === '' ? '' : Number(v))} error={errorFor(errors, 'completionPercent')} />
              </SimpleGrid>
              <Checkbox.Group label={t('courses.languages')} value={form.languages} onChange={(v) => set('languages', v as Lang[])}
                error={errorFor(errors, 'languages')}>
                <Group gap="lg" mt={6}>
                  {LANGS.map((l) => <Checkbox key={l} size="md" value={l} label={t(`lang.${l}`)} />)}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group label={t('courses.targetGroups')} value={form.targetGroups} onChange={(v) => set('targetGroups', v)}
                error={errorFor(errors, 'targetGroups')}>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" verticalSpacing="sm" mt={8}>
                  {TARGET_GROUPS.map((g) => <Checkbox key={g} size="md" value={g} label={t(`learners.targetGroups.${g}`)} />)}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Fieldset>

          <FormFooter pending={save.isPending} onCancel={() => navigate(course ? `/courses/${course.id}` : '/courses')} />
        </Stack>
      </form>
    </Stack>
  );
}
