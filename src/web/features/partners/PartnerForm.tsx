// Create or edit a partner organisation.
import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NamesInputs } from '../../components/NamesInputs';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { PARTNER_KINDS, type Partner, type PartnerKind } from '../../lib/types';
import { usePartnerMutations, type PartnerInput } from './api';
import { FormAlerts, FormFooter } from '../../components/Form';

const FIELDS = ['kind', 'name', 'orgUnitId', 'address', 'phone', 'email', 'website', 'note'];

function initial(p: Partner | undefined, orgUnitId: string): PartnerInput {
  if (p) {
    return { kind: p.kind, name: { ...p.name }, orgUnitId: p.orgUnitId, address: p.address ?? '', phone: p.phone ?? '',
      email: p.email ?? '', website: p.website ?? '', note: p.note ?? '' };
  }
  return { kind: 'employment_centre', name: { kk: '', ru: '', en: '' }, orgUnitId, address: '', phone: '', email: '',
    website: '', note: '' };
}

export function PartnerForm({ opened, onClose, partner, onSaved, onReload }: {
  opened: boolean;
  onClose: () => void;
  partner?: Partner;
  onSaved: (saved: Partner) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { save } = usePartnerMutations();
  const [form, setForm] = useState<PartnerInput>(() => initial(partner, user.orgUnitId));
  const [missing, setMissing] = useState<FieldErrors>({});
  // Fresh form each time the dialog opens (not on every new version: saving
  // refetches the partner, and resetting then would drop the save's callback).
  useEffect(() => {
    if (opened) {
      setForm(initial(partner, user.orgUnitId));
      setMissing({});
      save.reset();
    }
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  useEffect(() => {
    if (opened && conflict) {
      setForm(initial(partner, user.orgUnitId));
      save.reset();
    }
  }, [partner?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const errors = Object.keys(missing).length ? missing : fieldErrors(save.error);
  const others = otherFieldErrors(errors, FIELDS);
  const set = <K extends keyof PartnerInput>(k: K, v: PartnerInput[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, {
      'name.kk': form.name.kk, 'name.ru': form.name.ru, 'name.en': form.name.en, orgUnitId: form.orgUnitId,
    });
    setMissing(lack);
    if (Object.keys(lack).length) return;
    save.mutate({ id: partner?.id, version: partner?.version, input: form }, { onSuccess: onSaved });
  };

  return (
    <Modal opened={opened} onClose={onClose} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}
      title={partner ? t('partners.editTitle') : t('partners.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlerts error={save.error} missing={Object.keys(missing).length > 0} others={others} onReload={onReload}
            conflictText={t('partners.conflict')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('partners.kind')} required allowDeselect={false} value={form.kind}
              onChange={(v) => v && set('kind', v as PartnerKind)} error={errorFor(errors, 'kind')}
              data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))} data-autofocus />
            <OrgUnitSelect label={t('partners.orgUnit')} required value={form.orgUnitId}
              onChange={(v) => set('orgUnitId', v)} error={errorFor(errors, 'orgUnitId')} />
          </SimpleGrid>
          <NamesInputs stacked value={form.name} onChange={(name) => set('name', name)} errors={errors} />
          <TextInput label={t('partners.address')} value={form.address}
            onChange={(e) => set('address', e.currentTarget.value)} error={errorFor(errors, 'address')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('partners.phone')} type="tel" value={form.phone}
              onChange={(e) => set('phone', e.currentTarget.value)} error={errorFor(errors, 'phone')} />
            <TextInput label={t('partners.email')} type="email" value={form.email}
              onChange={(e) => set('email', e.currentTarget.value)} error={errorFor(errors, 'email')} />
            <TextInput label={t('partners.website')} type="url" value={form.website} placeholder="https://"
              onChange={(e) => set('website', e.currentTarget.value)} error={errorFor(errors, 'website')} />
          </SimpleGrid>
          <Textarea label={t('partners.note')} autosize minRows={2} maxRows={6} value={form.note}
            onChange={(e) => set('note', e.currentTarget.value)} error={errorFor(errors, 'note')} />
          <FormFooter pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
