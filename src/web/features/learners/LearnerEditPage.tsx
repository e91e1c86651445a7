// /learners/new and /learners/:id/edit — register a learner or correct one.
// Fast by keyboard (the first field has focus, Enter saves, tab order follows
// the page) and by touch (medium-size inputs, big checkboxes). While names,
// birth date, phone or IIN are typed, the duplicate check runs in the
// background; its failure never holds registration up.
import '../../components/pageStyles';
import '@mantine/core/styles/SegmentedControl.css';
import {
  Alert, Anchor, Button, Checkbox, Fieldset, Group, Input, List, Paper, SegmentedControl, Select, SimpleGrid, Stack,
  Switch, Text, TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { RecordSelect } from '../../components/RecordSelect';
import { ErrorState, Loading } from '../../components/States';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { errorMessage, fieldErrors, type FieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import type { Centre } from '../../lib/types';
import { formatPhone } from '../../../domain/phone';
import { EDUCATION, EMPLOYMENT_STATUS, LEARNER_LANGUAGES, LEARNING_LIMITS, SEX, TARGET_GROUPS, isoToday } from '../../../domain/learning';
import { useLearner, useLearnerMatches, useSaveLearner, type Learner } from './api';
import { MatchPanel, STRONG_MATCH, matchesSignature } from './MatchPanel';
import {
  CONSENT_VERSION, FIELD_ORDER, changedBody, clientErrors, codeMessage, iinState, initialForm, inputId,
  matchQuery, needsGuardian, phoneState, toBody, type LearnerForm,
} from './model';
import { boundCentre, fullName, usePrivateTitle } from './parts';
import { SettlementSelect } from './SettlementSelect';

/** The label of each field, for the error summary. */
const LABEL_KEYS: Record<string, string> = {
  lastName: 'learners.lastName', firstName: 'learners.firstName', middleName: 'learners.middleName', sex: 'learners.sex',
  birthDate: 'learners.birthDate', iin: 'learners.iin', phone: 'learners.phone', settlementId: 'learners.settlement',
  languages: 'learners.languagesLabel', education: 'learners.education', employmentStatus: 'learners.employmentStatus',
  registeredUnemployed: 'learners.registeredUnemployed', targetGroups: 'learners.targetGroupsLabel',
  centreId: 'learners.centre', 'consent.date': 'learners.consent.date', 'consent.guardianName': 'learners.consent.guardianName',
  consentGiven: 'learners.consent.title', 'consent.version': 'learners.consent.version', consent: 'learners.consent.title',
};

/** Hints under the input, so the inputs of one row line up whether or not they have a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** The field an error path belongs to (`languages.2` → `languages`). */
function fieldOf(path: string): string {
  return FIELD_ORDER.find((f) => path === f || path.startsWith(`${f}.`)) ?? path;
}

/** Move the keyboard to a field named in the error summary. */
function focusField(path: string): void {
  const el = document.getElementById(inputId(path));
  if (!el) return;
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea, select, button');
  target?.focus();
  el.scrollIntoView({ block: 'center' });
}

export default function LearnerEditPage() {
  const { id } = useParams();
  const learner = useLearner(id);
  if (id && learner.isPending) return <Loading />;
  if (id && learner.isError) return <ErrorState error={learner.error} onRetry={() => void learner.refetch()} />;
  return <LearnerFormView key={learner.data?.id ?? 'new'} learner={id ? learner.data : undefined} onReload={() => learner.refetch()} />;
}

function LearnerFormView({ learner, onReload }: { learner?: Learner; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const navigate = useNavigate();
  const notify = useNotify();
  const user = useUser();
  const save = useSaveLearner();
  const isNew = !learner;
  const ownCentre = boundCentre(user);
  const [before, setBefore] = useState(() => initialForm(learner, ownCentre));
  const [form, setForm] = useState<LearnerForm>(before);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<{ phone?: boolean; iin?: boolean }>({});
  const [ackFor, setAckFor] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [showSummary, setShowSummary] = useState(0);
  usePrivateTitle(isNew ? t('learners.new') : t('learners.editTitle'));

  const set = <K extends keyof LearnerForm>(key: K, value: LearnerForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A field's error goes once it is changed; the rest stay until the next save.
    const path = key === 'consentDate' ? 'consent.date' : key === 'guardianName' ? 'consent.guardianName' : key;
    setErrors((e) => {
      if (!Object.keys(e).some((p) => fieldOf(p) === path)) return e;
      return Object.fromEntries(Object.entries(e).filter(([p]) => fieldOf(p) !== path));
    });
  };

  // Instant checks, as typed: IIN (checksum, birth date, sex) and phone.
  const iin = iinState(form.iin, form, !!touched.iin);
  const phone = phoneState(form.phone, !!touched.phone);
  const guardian = needsGuardian(form) || !!errors['consent.guardianName'] || form.guardianName.trim() !== '';
  const instant: FieldErrors = {};
  if (iin.code) instant.iin = codeMessage(t, iin.code);
  if (phone.code) instant.phone = codeMessage(t, phone.code);
  const errorOf = (path: string) => errors[path] ?? instant[path];

  // The duplicate check, 300 ms after the last keystroke.
  const query = useMemo(() => matchQuery(form, learner?.id), [form, learner?.id]);
  const [debouncedKey] = useDebouncedValue(JSON.stringify(query), 300);
  const debounced = useMemo(() => JSON.parse(debouncedKey) as typeof query, [debouncedKey]);
  const matches = useLearnerMatches(debounced);
  const current = debounced && query ? (matches.data?.items ?? null) : null;
  const checking = !!query && (debouncedKey !== JSON.stringify(query) || matches.isFetching);
  const signature = current ? matchesSignature(current) : '';
  const acknowledged = !!current?.length && ackFor === signature;
  const strong = (current ?? []).some((m) => m.score >= STRONG_MATCH);

  const serverError = save.error;
  const conflict = serverError instanceof ApiError && serverError.status === 409;
  const summary = FIELD_ORDER.flatMap((f) => Object.entries(errors).filter(([p]) => fieldOf(p) === f))
    .concat(Object.entries(errors).filter(([p]) => !FIELD_ORDER.includes(fieldOf(p) as (typeof FIELD_ORDER)[number])));

  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary]);

  const send = () => {
    const body = isNew ? toBody(form) : changedBody(form, before);
    if (!isNew && Object.keys(body).length === 0) {
      navigate(`/learners/${learner.id}`);
      return;
    }
    save.mutate(
      { id: learner?.id, version: learner?.version, body },
      {
        onSuccess: (saved) => {
          notify({
            message: t(isNew ? 'learners.registeredNotice' : 'learners.savedNotice', { name: fullName(saved) }),
            action: isNew ? { label: t('learners.registerAnother'), onClick: () => navigate('/learners/new') } : undefined,
          });
          navigate(`/learners/${saved.id}`);
        },
        onError: (error) => {
          const fields = fieldErrors(error);
          setErrors(fields);
          setShowSummary((n) => n + 1);
        },
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    save.reset();
    const found = clientErrors(t, form, { isNew });
    if (iin.code && !found.iin) found.iin = instant.iin!;
    setErrors(found);
    if (Object.keys(found).length) {
      setShowSummary((n) => n + 1);
      return;
    }
    if (isNew && strong && !acknowledged) {
      setConfirming(true);
      return;
    }
    send();
  };

  const reload = async () => {
    save.reset();
    const fresh = (await onReload()) as { data?: Learner };
    if (fresh.data) {
      const next = initialForm(fresh.data, ownCentre);
      setBefore(next);
      setForm(next);
    }
  };

  const onIinChange = (text: string) => {
    set('iin', text);
    // A whole, valid IIN fills in the birth date and sex it encodes when those are empty.
    const parsed = iinState(text, { birthDate: '', sex: '' }, false);
    if (parsed.iin && parsed.birthDate && parsed.sex) {
      setForm((f) => ({ ...f, birthDate: f.birthDate || parsed.birthDate!, sex: f.sex || parsed.sex! }));
    }
  };

  const today = isoToday();
  const title = isNew ? t('learners.new') : t('learners.editTitle');
  const options = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const validationFailed = summary.length > 0;

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        above={<Anchor component={Link} to={learner ? `/learners/${learner.id}` : '/learners'} size="sm">
          {learner ? fullName(learner) : t('learners.title')}
        </Anchor>}
      />
      <form onSubmit={submit} noValidate autoComplete="off" aria-describedby={validationFailed ? 'learner-error-summary' : undefined}>
        <Stack gap="md">
          {(serverError || validationFailed) && (
          <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 80 }}>
            {conflict && (
              <Alert color="orange" role="alert" title={t('common.conflictTitle')}>
                <Stack gap="xs" align="flex-start">
                  {serverError.message || t('common.conflict')}
                  <Button size="xs" color="orange" variant="light" onClick={() => void reload()}>{t('common.reload')}</Button>
                </Stack>
              </Alert>
            )}
            {serverError && !conflict && !validationFailed && <Alert color="red" role="alert">{errorMessage(t, serverError)}</Alert>}
            {validationFailed && (
              <Alert color="red" role="alert" id="learner-error-summary" title={t('common.fixFields')}>
                <List size="sm" spacing={2}>
                  {summary.map(([path, message]) => {
                    const field = fieldOf(path);
                    const label = LABEL_KEYS[field] ? t(LABEL_KEYS[field]) : path;
                    return (
                      <List.Item key={path}>
                        <Anchor href={`#${inputId(field)}`} size="sm" c="red.9" fw={600}
                          onClick={(e) => { e.preventDefault(); focusField(field); }}>
                          {label}
                        </Anchor>
                        {`: ${message}`}
                      </List.Item>
                    );
                  })}
                </List>
              </Alert>
            )}
          </div>
          )}

          <Fieldset legend={t('learners.sectionPerson')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput id={inputId('lastName')} size="md" label={t('learners.lastName')} required autoFocus data-autofocus
                  maxLength={LEARNING_LIMITS.personNameMax} value={form.lastName}
                  onChange={(e) => set('lastName', e.currentTarget.value)} error={errorOf('lastName')} />
                <TextInput id={inputId('firstName')} size="md" label={t('learners.firstName')} required
                  maxLength={LEARNING_LIMITS.personNameMax} value={form.firstName}
                  onChange={(e) => set('firstName', e.currentTarget.value)} error={errorOf('firstName')} />
                <TextInput id={inputId('middleName')} size="md" label={t('learners.middleName')}
                  maxLength={LEARNING_LIMITS.personNameMax} value={form.middleName}
                  onChange={(e) => set('middleName', e.currentTarget.value)} error={errorOf('middleName')} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Input.Wrapper id={inputId('sex')} label={t('learners.sex')} required error={errorOf('sex')}
                  labelElement="div">
                  <SegmentedControl
                    aria-labelledby={`${inputId('sex')}-label`}
                    aria-describedby={errorOf('sex') ? `${inputId('sex')}-error` : undefined}
                    size="md"
                    fullWidth
                    value={form.sex}
                    onChange={(v) => set('sex', v as LearnerForm['sex'])}
                    data={SEX.map((s) => ({ value: s, label: t(`learners.sexes.${s}`) }))}
                    mt={4}
                  />
                </Input.Wrapper>
                <TextInput id={inputId('birthDate')} size="md" type="date" label={t('learners.birthDate')} required
                  min={LEARNING_LIMITS.birthDateMin} max={today} value={form.birthDate}
                  onChange={(e) => set('birthDate', e.currentTarget.value)} error={errorOf('birthDate')} />
                <TextInput id={inputId('iin')} size="md" label={t('learners.iin')} inputMode="numeric" spellCheck={false}
                  inputWrapperOrder={BELOW}
                  maxLength={20} value={form.iin} description={iin.iin && !iin.code && iin.birthDate && iin.sex
                    ? t('learners.iinDecoded', { date: fmt.date(iin.birthDate), sex: t(`learners.sexes.${iin.sex}`).toLocaleLowerCase(lang) })
                    : t('learners.iinHelp')}
                  onChange={(e) => onIinChange(e.currentTarget.value)} onBlur={() => setTouched((s) => ({ ...s, iin: true }))}
                  error={errorOf('iin')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('learners.sectionContacts')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput id={inputId('phone')} size="md" type="tel" label={t('learners.phone')} value={form.phone}
                  inputWrapperOrder={BELOW}
                  description={phone.e164 ? t('learners.phonePreview', { phone: formatPhone(phone.e164) }) : t('learners.phoneHelp')}
                  onChange={(e) => set('phone', e.currentTarget.value)} onBlur={() => setTouched((s) => ({ ...s, phone: true }))}
                  error={errorOf('phone')} />
                <SettlementSelect id={inputId('settlementId')} label={t('learners.settlement')}
                  description={t('learners.settlementHelp')} value={form.settlementId}
                  onChange={(v) => set('settlementId', v)} centreId={form.centreId} current={learner?.settlement}
                  error={errorOf('settlementId')} />
              </SimpleGrid>
              <Checkbox.Group id={inputId('languages')} label={t('learners.languagesLabel')} value={form.languages}
                onChange={(v) => set('languages', v as LearnerForm['languages'])} error={errorOf('languages')}>
                <SimpleGrid cols={{ base: 2, xs: 3, lg: 6 }} spacing="xs" verticalSpacing="sm" mt={8}>
                  {LEARNER_LANGUAGES.map((l) => (
                    <Checkbox key={l} size="md" value={l}
                      label={l === 'kk' || l === 'ru' || l === 'en' ? t(`lang.${l}`) : t(`learners.languages.${l}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('learners.sectionWork')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select id={inputId('education')} size="md" label={t('learners.education')} clearable
                  placeholder={t('learners.notStated')} value={form.education}
                  onChange={(v) => set('education', v as LearnerForm['education'])} error={errorOf('education')}
                  data={options(EDUCATION, 'learners.educations')} comboboxProps={{ withinPortal: true }} />
                <Select id={inputId('employmentStatus')} size="md" label={t('learners.employmentStatus')} clearable
                  placeholder={t('learners.notStated')} value={form.employmentStatus}
                  onChange={(v) => set('employmentStatus', v as LearnerForm['employmentStatus'])}
                  error={errorOf('employmentStatus')} data={options(EMPLOYMENT_STATUS, 'learners.employment')}
                  comboboxProps={{ withinPortal: true }} />
              </SimpleGrid>
              <Switch id={inputId('registeredUnemployed')} size="md" label={t('learners.registeredUnemployed')}
                checked={form.registeredUnemployed} onChange={(e) => set('registeredUnemployed', e.currentTarget.checked)}
                error={errorOf('registeredUnemployed')} />
              <Checkbox.Group id={inputId('targetGroups')} label={t('learners.targetGroupsLabel')}
                description={t('learners.targetGroupsHelp')} value={form.targetGroups}
                onChange={(v) => set('targetGroups', v as LearnerForm['targetGroups'])} error={errorOf('targetGroups')}>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" verticalSpacing="sm" mt={8}>
                  {TARGET_GROUPS.map((g) => (
                    <Checkbox key={g} size="md" value={g} label={t(`learners.targetGroups.${g}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('learners.sectionRegistration')}>
            <Stack gap="sm">
              {ownCentre && user.orgUnit && form.centreId === ownCentre ? (
                // Centre staff register at their own centre only: no choice to make, the name in full.
                <Input.Wrapper id={inputId('centreId')} label={t('learners.centre')} labelElement="div" size="md"
                  error={errorOf('centreId')}>
                  <Text className="kerege-wrap" mt={2}>{localName(user.orgUnit.name, lang)}</Text>
                </Input.Wrapper>
              ) : (
                <div id={inputId('centreId')}>
                  <RecordSelect<Centre>
                    endpoint="/api/centres"
                    resource="centres"
                    label={t('learners.centre')}
                    description={t('learners.centreHelp')}
                    required
                    value={form.centreId}
                    onChange={(v) => set('centreId', v)}
                    toLabel={(c) => localName(c.name, lang)}
                    error={errorOf('centreId')}
                  />
                </div>
              )}
              <Paper withBorder p="sm" radius="sm" bg="gray.0" component="section" aria-labelledby="consent-title">
                <Text id="consent-title" fw={600} mb={4}>{t('learners.consent.title')}</Text>
                <Text size="sm" className="kerege-wrap">{t('learners.consent.text')}</Text>
                <Text size="xs" c="dimmed" mt={6}>
                  {t('learners.consent.version')}: <span data-testid="consent-version">{CONSENT_VERSION}</span>
                </Text>
              </Paper>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput id={inputId('consent.date')} size="md" type="date" label={t('learners.consent.date')} required
                  min={form.birthDate || LEARNING_LIMITS.birthDateMin} max={today} value={form.consentDate}
                  onChange={(e) => set('consentDate', e.currentTarget.value)} error={errorOf('consent.date')} />
                {guardian && (
                  <TextInput id={inputId('consent.guardianName')} size="md" label={t('learners.consent.guardianName')}
                    description={t('learners.consent.guardianHelp')} required={needsGuardian(form)} inputWrapperOrder={BELOW}
                    maxLength={LEARNING_LIMITS.personNameMax} value={form.guardianName}
                    onChange={(e) => set('guardianName', e.currentTarget.value)} error={errorOf('consent.guardianName')} />
                )}
              </SimpleGrid>
              {isNew && (
                <Checkbox id={inputId('consentGiven')} size="md" required checked={form.consentGiven}
                  onChange={(e) => set('consentGiven', e.currentTarget.checked)}
                  label={guardian && needsGuardian(form) ? t('learners.consent.givenGuardian') : t('learners.consent.given')}
                  error={errorOf('consentGiven')} />
              )}
              {!isNew && (
                <Text size="sm" c="dimmed">{t('learners.consent.editHelp')}</Text>
              )}
            </Stack>
          </Fieldset>

          <MatchPanel
            checking={checking}
            failed={!!query && matches.isError && !matches.isFetching}
            items={current}
            acknowledged={acknowledged}
            onAcknowledge={(v) => setAckFor(v ? signature : null)}
            linkCentreId={isNew ? form.centreId ?? undefined : undefined}
          />

          <Group justify="flex-end" gap="sm">
            <Button size="md" variant="default" onClick={() => navigate(learner ? `/learners/${learner.id}` : '/learners')}
              disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button size="md" type="submit" loading={save.isPending} disabled={save.isPending}>
              {isNew ? t('learners.register') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>

      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('learners.matches.confirmTitle')}
        message={t('learners.matches.confirmMessage')}
        confirmLabel={t('learners.matches.confirm')}
        color="blue"
        onConfirm={() => {
          setConfirming(false);
          setAckFor(signature);
          send();
        }}
      />
    </Stack>
  );
}
