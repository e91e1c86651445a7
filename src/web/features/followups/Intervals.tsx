// The network's follow-up intervals: every reader sees them ("3, 6 and 12 months
// after a training ends"); administrators and national coordinators change them.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Notifications';
import { useUser } from '../../lib/auth';
import { errorFor, errorMessage, fieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useFollowUpSettings, useSaveFollowUpSettings } from './api';
import { parseIntervals } from './model';

/** The follow-up rule is one for the whole network (settings.manage on the server). */
const canManageSettings = (role: string) => role === 'admin' || role === 'national';

export function Intervals() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const settings = useFollowUpSettings();
  const [open, setOpen] = useState(false);
  if (!settings.data) return null;
  const months = settings.data.months;
  return (
    <Group gap="sm" justify="space-between" wrap="wrap">
      <Text size="sm" data-testid="followup-intervals">
        {t('followups.intervals', { months: fmt.list(months.map((m) => fmt.number(m))), count: months[months.length - 1] })}
      </Text>
      {canManageSettings(user.role) && (
        <Button size="xs" variant="default" onClick={() => setOpen(true)}>{t('followups.changeIntervals')}</Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('followups.intervalsTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && <IntervalsForm months={months} onDone={() => setOpen(false)} />}
      </Modal>
    </Group>
  );
}

function IntervalsForm({ months, onDone }: { months: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveFollowUpSettings();
  const [text, setText] = useState(months.join(', '));
  const [local, setLocal] = useState<string | null>(null);
  const server = errorFor(fieldErrors(save.error), 'months');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseIntervals(text);
    if (!parsed) {
      setLocal(t('followups.intervalsInvalid'));
      return;
    }
    setLocal(null);
    save.mutate(parsed, {
      onSuccess: () => {
        notify({ message: t('followups.intervalsSaved') });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <Stack gap="sm">
        <TextInput label={t('followups.intervalsLabel')} description={t('followups.intervalsHelp')} value={text} data-autofocus
          inputMode="numeric" onChange={(e) => { setText(e.currentTarget.value); setLocal(null); }} error={local ?? server} />
        {save.isError && !server && <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
