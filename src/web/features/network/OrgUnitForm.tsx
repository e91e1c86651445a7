// Create a child unit, or edit one (including moving it under another parent).
import { Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NamesInputs } from '../../components/NamesInputs';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { ApiError } from '../../lib/api';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from '../../lib/types';
import { ALLOWED_PARENTS } from '../../../domain/vocabulary';
import { useSaveOrgUnit, type OrgUnitInput } from './api';
import { FormAlerts, FormFooter } from '../../components/Form';

export { ALLOWED_PARENTS };

const PLAIN_KINDS: OrgUnitKind[] = ['oblast', 'city', 'raion', 'settlement'];

/** Kinds a writer may create under a unit here (centres are made on the centres page). */
export const CHILD_KINDS = Object.fromEntries(
  ORG_UNIT_KINDS.map((parent) => [parent, PLAIN_KINDS.filter((k) => ALLOWED_PARENTS[k].includes(parent))]),
) as Record<OrgUnitKind, OrgUnitKind[]>;

const FIELDS = ['code', 'kind', 'parentId', 'name', 'aliases', 'lat', 'lon'];

const toNumber = (v: string | number): number | null => (v === '' || v === null ? null : Number(v));

function initial(unit: OrgUnit | undefined, parent: OrgUnit | undefined): OrgUnitInput {
  if (unit) {
    return { code: unit.code, kind: unit.kind, parentId: unit.parentId, name: { ...unit.name },
      aliases: [...(unit.aliases ?? [])], lat: unit.lat, lon: unit.lon };
  }
  const kinds = parent ? CHILD_KINDS[parent.kind] : [];
  return { code: '', kind: kinds[0] ?? 'settlement', parentId: parent?.id ?? null,
    name: { kk: '', ru: '', en: '' }, aliases: [], lat: null, lon: null };
}

export function OrgUnitForm({ opened, onClose, unit, parent, onSaved, onReload }: {
  opened: boolean;
  onClose: () => void;
  /** The unit to edit; absent when creating. */
  unit?: OrgUnit;
  /** The parent of a new unit. */
  parent?: OrgUnit;
  onSaved: (saved: OrgUnit) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveOrgUnit();
  const [form, setForm] = useState<OrgUnitInput>(() => initial(unit, parent));
  const [missing, setMissing] = useState<FieldErrors>({});

  // Fresh form each time the dialog opens. (Not on every new version: saving
  // refetches the unit, and resetting then would drop the save's callback.)
  useEffect(() => {
    if (opened) {
      setForm(initial(unit, parent));
      setMissing({});
      save.reset();
    }
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  // After a conflict, "Reload" fetches the unit again: show that version.
  useEffect(() => {
    if (opened && conflict) {
      setForm(initial(unit, parent));
      save.reset();
    }
  }, [unit?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const errors = Object.keys(missing).length ? missing : fieldErrors(save.error);
  const set = <K extends keyof OrgUnitInput>(key: K, value: OrgUnitInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const kinds = unit ? [unit.kind] : parent ? CHILD_KINDS[parent.kind] : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, {
      code: form.code, 'name.kk': form.name.kk, 'name.ru': form.name.ru, 'name.en': form.name.en,
      ...(unit && unit.kind !== 'country' ? { parentId: form.parentId } : {}),
    });
    setMissing(lack);
    if (Object.keys(lack).length) return;
    save.mutate(
      { id: unit?.id, version: unit?.version, input: { ...form, code: form.code.trim() } },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  const others = otherFieldErrors(errors, FIELDS);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={unit ? t('orgUnits.editTitle') : t('orgUnits.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlerts error={save.error} missing={Object.keys(missing).length > 0} others={others} onReload={onReload}
            conflictText={t('orgUnits.conflict')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('orgUnits.code')}
              required
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errorFor(errors, 'code')}
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus
            />
            <Select
              label={t('orgUnits.kind')}
              required
              disabled={!!unit}
              data={kinds.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) }))}
              value={form.kind}
              onChange={(v) => v && set('kind', v as OrgUnitKind)}
              allowDeselect={false}
              error={errorFor(errors, 'kind')}
            />
          </SimpleGrid>
          <NamesInputs value={form.name} onChange={(name) => set('name', name)} errors={errors} />
          {unit && unit.kind !== 'country' && (
            <OrgUnitSelect
              label={t('orgUnits.parent')}
              description={t('orgUnits.parentHelp')}
              required
              value={form.parentId}
              onChange={(id) => set('parentId', id)}
              excludeId={unit.id}
              excludeKinds={ORG_UNIT_KINDS.filter((k) => !ALLOWED_PARENTS[unit.kind].includes(k))}
              error={errorFor(errors, 'parentId')}
            />
          )}
          <TagsInput
            label={t('orgUnits.aliases')}
            description={t('orgUnits.aliasesHelp')}
            value={form.aliases}
            onChange={(v) => set('aliases', v)}
            error={errorFor(errors, 'aliases')}
            clearable
          />
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput label={t('common.lat')} value={form.lat ?? ''} onChange={(v) => set('lat', toNumber(v))}
              decimalScale={6} min={-90} max={90} hideControls error={errorFor(errors, 'lat')} />
            <NumberInput label={t('common.lon')} value={form.lon ?? ''} onChange={(v) => set('lon', toNumber(v))}
              decimalScale={6} min={-180} max={180} hideControls error={errorFor(errors, 'lon')} />
          </SimpleGrid>
          <FormFooter pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
