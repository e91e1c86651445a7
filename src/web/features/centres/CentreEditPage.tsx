// /centres/new and /centres/:id/edit — every field of a centre. The server's
// 400 `fields` land under their inputs; a 409 says someone else was faster.
import '../../components/pageStyles';
import {
  Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FormAlerts, FormFooter, useRefusalFocus } from '../../components/Form';
import { NamesInputs } from '../../components/NamesInputs';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { UnitBreadcrumb } from '../../components/UnitBreadcrumb';
import { useUser } from '../../lib/auth';
import { canWriteNetwork } from '../../lib/roles';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { localName, type Lang } from '../../lib/names';
import { CENTRE_TYPES, CONNECTIVITIES, LANGS, type Centre, type CentreType, type Connectivity } from '../../lib/types';
import { addressText } from './CentrePage';
import { toBody, useCentre, useSaveCentre, type CentreInput } from './api';

const FIELDS = ['code', 'type', 'name', 'orgUnitId', 'address', 'lat', 'lon', 'phone', 'email', 'facilitators',
  'openedOn', 'connectivity', 'computers', 'languages', 'openingHours'];

const toNumber = (v: string | number): number | null => (v === '' || v === null ? null : Number(v));

/** Only what the reader changed goes into a PATCH: smaller over a slow link, a
 *  cleaner audit trail, and a centre manager may not even send `code` or `orgUnitId`. */
function changedFields(next: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
}

function initial(c: Centre | undefined, lang: string): CentreInput {
  if (!c) {
    return { code: '', type: 'library', name: { kk: '', ru: '', en: '' }, orgUnitId: null, address: '', lat: null,
      lon: null, phone: '', email: '', facilitators: [], openedOn: '', connectivity: 'fixed', computers: null,
      languages: ['kk', 'ru'], openingHours: '' };
  }
  return { code: c.code, type: c.type, name: { ...c.name }, orgUnitId: c.orgUnitId, address: addressText(c.address, lang),
    lat: c.lat, lon: c.lon, phone: c.phone ?? '', email: c.email ?? '', facilitators: [...(c.facilitators ?? [])],
    openedOn: c.openedOn ?? '', connectivity: c.connectivity, computers: c.computers, languages: [...(c.languages ?? [])],
    openingHours: c.openingHours ?? '' };
}

export default function CentreEditPage() {
  const { id } = useParams();
  const centre = useCentre(id);
  if (id && centre.isPending) return <Loading />;
  if (id && centre.isError) return <ErrorState error={centre.error} onRetry={() => void centre.refetch()} />;
  return <CentreForm centre={id ? centre.data : undefined} onReload={() => centre.refetch()} />;
}

function CentreForm({ centre, onReload }: { centre?: Centre; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const save = useSaveCentre();
  const [form, setForm] = useState<CentreInput>(() => initial(centre, lang));
  const formRef = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState<FieldErrors>({});
  const user = useUser();
  // A centre manager edits their centre's details, not its code or its place.
  const placeLocked = !!centre && !canWriteNetwork(user);
  const set = <K extends keyof CentreInput>(k: K, v: CentreInput[K]) => setForm((f) => ({ ...f, [k]: v }));

  const hasMissing = Object.keys(missing).length > 0;
  const errors = hasMissing ? missing : fieldErrors(save.error);
  const alertRef = useRef<HTMLDivElement>(null);
  useRefusalFocus(formRef, alertRef, save.error, missing);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, {
      code: form.code, 'name.kk': form.name.kk, 'name.ru': form.name.ru, 'name.en': form.name.en,
      orgUnitId: form.orgUnitId, lat: form.lat, lon: form.lon,
    });
    setMissing(lack);
    if (Object.keys(lack).length) return;
    const full = toBody(form);
    const body = centre ? changedFields(full, toBody(initial(centre, lang))) : full;
    if (centre && Object.keys(body).length === 0) {
      navigate(`/centres/${centre.id}`);
      return;
    }
    // Until the server's PATCH stops resetting omitted lists to [] (its zod
    // `.default([])` survives `.partial()`), always send the lists along.
    if (centre) Object.assign(body, { facilitators: full.facilitators, languages: full.languages });
    save.mutate(
      { id: centre?.id, version: centre?.version, body },
      { onSuccess: (saved) => navigate(`/centres/${saved.id}`, { state: { warnings: saved.warnings ?? [] } }) },
    );
  };

  const reload = async () => {
    save.reset();
    const fresh = await onReload();
    const data = (fresh as { data?: Centre }).data;
    if (data) setForm(initial(data, lang));
  };

  const title = centre ? t('centres.editTitle', { name: localName(centre.name, lang) }) : t('centres.new');
  return (
    <Stack gap="md">
      <PageHeader title={title} above={centre && <UnitBreadcrumb ancestors={centre.ancestors} />} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlerts ref={alertRef} error={save.error} missing={hasMissing} others={otherFieldErrors(errors, FIELDS)}
            onReload={() => void reload()} conflictText={t('centres.conflict')} />

          <Fieldset legend={t('centres.sectionIdentity')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('centres.code')} required value={form.code} autoCapitalize="none" spellCheck={false}
                  disabled={placeLocked}
                  onChange={(e) => set('code', e.currentTarget.value)} error={errorFor(errors, 'code')} />
                <Select label={t('centres.type')} required allowDeselect={false} value={form.type}
                  onChange={(v) => v && set('type', v as CentreType)} error={errorFor(errors, 'type')}
                  data={CENTRE_TYPES.map((v) => ({ value: v, label: t(`centres.types.${v}`) }))} />
              </SimpleGrid>
              <NamesInputs stacked value={form.name} onChange={(name) => set('name', name)} errors={errors} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('centres.sectionPlace')}>
            <Stack gap="sm">
              {placeLocked ? (
                <TextInput label={t('centres.orgUnit')} disabled
                  value={centre?.ancestors?.length ? localName(centre.ancestors[centre.ancestors.length - 1].name, lang) : ''} />
              ) : (
                <OrgUnitSelect label={t('centres.orgUnit')} description={t('centres.orgUnitHelp')} required
                  value={form.orgUnitId} onChange={(v) => set('orgUnitId', v)} excludeKinds={['centre']}
                  error={errorFor(errors, 'orgUnitId')} />
              )}
              <TextInput label={t('centres.address')} value={form.address}
                onChange={(e) => set('address', e.currentTarget.value)} error={errorFor(errors, 'address')} />
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput label={t('common.lat')} required value={form.lat ?? ''} onChange={(v) => set('lat', toNumber(v))}
                  decimalScale={6} hideControls error={errorFor(errors, 'lat')} />
                <NumberInput label={t('common.lon')} required value={form.lon ?? ''} onChange={(v) => set('lon', toNumber(v))}
                  decimalScale={6} hideControls error={errorFor(errors, 'lon')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('centres.sectionContacts')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('centres.phone')} type="tel" autoComplete="off" value={form.phone}
                  onChange={(e) => set('phone', e.currentTarget.value)} error={errorFor(errors, 'phone')} />
                <TextInput label={t('centres.email')} type="email" autoComplete="off" value={form.email}
                  onChange={(e) => set('email', e.currentTarget.value)} error={errorFor(errors, 'email')} />
              </SimpleGrid>
              <TagsInput label={t('centres.facilitators')} description={t('centres.facilitatorsHelp')}
                value={form.facilitators} onChange={(v) => set('facilitators', v)}
                error={errorFor(errors, 'facilitators')} clearable />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('centres.sectionService')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput type="date" label={t('centres.openedOn')} value={form.openedOn}
                  onChange={(e) => set('openedOn', e.currentTarget.value)} error={errorFor(errors, 'openedOn')} />
                <Select label={t('centres.connectivityLabel')} required allowDeselect={false} value={form.connectivity}
                  onChange={(v) => v && set('connectivity', v as Connectivity)} error={errorFor(errors, 'connectivity')}
                  data={CONNECTIVITIES.map((v) => ({ value: v, label: t(`centres.connectivity.${v}`) }))} />
                <NumberInput label={t('centres.computers')} min={0} max={10000} allowDecimal={false} allowNegative={false}
                  value={form.computers ?? ''} onChange={(v) => set('computers', toNumber(v))}
                  error={errorFor(errors, 'computers')} />
              </SimpleGrid>
              <Checkbox.Group label={t('centres.languages')} value={form.languages}
                onChange={(v) => set('languages', v as Lang[])} error={errorFor(errors, 'languages')}>
                <Group gap="lg" mt={6}>
                  {LANGS.map((l) => <Checkbox key={l} value={l} label={t(`lang.${l}`)} />)}
                </Group>
              </Checkbox.Group>
              <Textarea label={t('centres.openingHours')} description={t('centres.openingHoursHelp')} autosize
                minRows={2} maxRows={5} value={form.openingHours}
                onChange={(e) => set('openingHours', e.currentTarget.value)} error={errorFor(errors, 'openingHours')} />
            </Stack>
          </Fieldset>

          <FormFooter pending={save.isPending} onCancel={() => navigate(centre ? `/centres/${centre.id}` : '/centres')} />
        </Stack>
      </form>
    </Stack>
  );
}
