// Add or edit a partnership between a centre and a partner organisation.
import { Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordSelect } from '../../components/RecordSelect';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { localName } from '../../lib/names';
import type { Centre, Partner, Partnership } from '../../lib/types';
import { useSavePartnership, type PartnershipInput } from './api';
import { FormAlerts, FormFooter } from '../../components/Form';

const FIELDS = ['centreId', 'partnerId', 'role', 'startDate', 'endDate', 'note'];

function initial(p: Partnership | undefined, centreId?: string, partnerId?: string): PartnershipInput {
  if (p) {
    return { centreId: p.centreId, partnerId: p.partnerId, role: p.role ?? '', startDate: p.startDate ?? '',
      endDate: p.endDate ?? '', note: p.note ?? '' };
  }
  return { centreId: centreId ?? null, partnerId: partnerId ?? null, role: '',
    startDate: new Date().toISOString().slice(0, 10), endDate: '', note: '' };
}

export function PartnershipForm({ opened, onClose, partnership, centreId, partnerId }: {
  opened: boolean;
  onClose: () => void;
  partnership?: Partnership;
  /** Fixed centre (on a centre's page). */
  centreId?: string;
  /** Fixed partner (on a partner's page). */
  partnerId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const save = useSavePartnership();
  const [form, setForm] = useState<PartnershipInput>(() => initial(partnership, centreId, partnerId));
  const [missing, setMissing] = useState<FieldErrors>({});
  // Fresh form each time the dialog opens.
  useEffect(() => {
    if (opened) {
      setForm(initial(partnership, centreId, partnerId));
      setMissing({});
      save.reset();
    }
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps

  const errors = Object.keys(missing).length ? missing : fieldErrors(save.error);
  const set = <K extends keyof PartnershipInput>(k: K, v: PartnershipInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const others = otherFieldErrors(errors, FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, {
      centreId: form.centreId, partnerId: form.partnerId, role: form.role, startDate: form.startDate,
    });
    setMissing(lack);
    if (Object.keys(lack).length) return;
    save.mutate({ id: partnership?.id, version: partnership?.version, input: form }, { onSuccess: onClose });
  };

  return (
    <Modal opened={opened} onClose={onClose} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}
      title={partnership ? t('partnerships.editTitle') : t('partnerships.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlerts error={save.error} missing={Object.keys(missing).length > 0} others={others}
            conflictText={t('partnerships.conflict')} />
          <RecordSelect<Centre>
            endpoint="/api/centres" resource="centres" label={t('partnerships.centre')} required
            disabled={!!centreId || !!partnership}
            value={form.centreId} onChange={(v) => set('centreId', v)} error={errorFor(errors, 'centreId')}
            toLabel={(c) => localName(c.name, lang)}
          />
          <RecordSelect<Partner>
            endpoint="/api/partners" resource="partners" label={t('partnerships.partner')} required
            disabled={!!partnerId || !!partnership}
            value={form.partnerId} onChange={(v) => set('partnerId', v)} error={errorFor(errors, 'partnerId')}
            toLabel={(p) => `${localName(p.name, lang)} · ${t(`partners.kinds.${p.kind}`)}`}
          />
          <TextInput label={t('partnerships.role')} description={t('partnerships.roleHelp')} required
            value={form.role} onChange={(e) => set('role', e.currentTarget.value)} error={errorFor(errors, 'role')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('partnerships.startDate')} required value={form.startDate}
              onChange={(e) => set('startDate', e.currentTarget.value)} error={errorFor(errors, 'startDate')} />
            <TextInput type="date" label={t('partnerships.endDate')} value={form.endDate}
              onChange={(e) => set('endDate', e.currentTarget.value)} error={errorFor(errors, 'endDate')} />
          </SimpleGrid>
          <Textarea label={t('partnerships.note')} autosize minRows={2} maxRows={6} value={form.note}
            onChange={(e) => set('note', e.currentTarget.value)} error={errorFor(errors, 'note')} />
          <FormFooter pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
