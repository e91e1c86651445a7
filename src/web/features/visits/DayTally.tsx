// One centre's day of anonymous walk-ins, one row per purpose, saved with one
// PUT /api/visits/day. Quick by touch (large −/+ buttons) and by keyboard: Tab
// moves from count to count, ↑/↓ (PageUp/PageDown: 10) change the count, Enter
// saves. The −/+ buttons stay out of the Tab order: the field does the same.
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Notifications';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useSaveDay } from './api';
import { PURPOSES, changedCounts, parseCount, step, type Purpose, type VisitDay } from './model';

const KEY_STEPS: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };

function asTyped(day: VisitDay): Record<Purpose, string> {
  return Object.fromEntries(PURPOSES.map((p) => [p, String(day.counts[p])])) as Record<Purpose, string>;
}

function TallyRow({ purpose, value, registered, onChange, error }: {
  purpose: Purpose;
  value: string;
  registered: number;
  onChange: (text: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = t(`visits.purposes.${purpose}`);
  const current = parseCount(value) ?? 0;
  const move = (by: number) => onChange(String(step(current, by)));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const by = KEY_STEPS[e.key];
    if (by === undefined) return;
    e.preventDefault();
    move(by);
  };
  const id = `visits-count-${purpose}`;
  return (
    <Group gap="sm" wrap="nowrap" align="center" justify="space-between" py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Stack gap={0} miw={0} style={{ flex: 1 }}>
        <Text component="label" htmlFor={id} fw={600} className="kerege-wrap">{label}</Text>
        {registered > 0 && (
          <Text size="xs" c="dimmed">{t('visits.registeredHere', { formatted: fmt.number(registered), count: registered })}</Text>
        )}
      </Stack>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <ActionIcon size={44} variant="default" tabIndex={-1} onClick={() => move(-1)} disabled={current <= 0}
          aria-label={t('visits.less', { purpose: label })}>
          <Text fz={24} fw={700} aria-hidden>−</Text>
        </ActionIcon>
        <TextInput id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} onKeyDown={onKeyDown}
          inputMode="numeric" autoComplete="off" size="md" w={84} error={error}
          styles={{ input: { textAlign: 'center', fontSize: 20, fontWeight: 600, height: 44 } }}
          onFocus={(e) => e.currentTarget.select()} />
        <ActionIcon size={44} variant="filled" tabIndex={-1} onClick={() => move(1)} aria-label={t('visits.more', { purpose: label })}>
          <Text fz={24} fw={700} c="white" aria-hidden>+</Text>
        </ActionIcon>
      </Group>
    </Group>
  );
}

export function DayTally({ day }: { day: VisitDay }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const save = useSaveDay();
  const [typed, setTyped] = useState(() => asTyped(day));
  // The counts the form was filled from: when the server's day changes underneath (another
  // tab, a colleague) and nothing was typed since, the form follows; typed changes are kept.
  const [base, setBase] = useState(day.counts);
  if (base !== day.counts) {
    setBase(day.counts);
    if (changedCounts(typed, base) === null) setTyped(asTyped(day));
  }
  const change = changedCounts(typed, day.counts);
  const dirty = change !== null;
  const typedTotal = PURPOSES.reduce((sum, p) => sum + (parseCount(typed[p]) ?? 0), 0);
  const registered = PURPOSES.reduce((sum, p) => sum + day.registered[p], 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending || change === 'invalid') return;
    if (change === null) {
      notify({ message: t('visits.nothingChanged'), color: 'blue' });
      return;
    }
    save.mutate({ centreId: day.centreId, date: day.date, counts: change }, {
      onSuccess: (saved) => {
        setTyped(asTyped(saved));
        notify({ message: t('visits.savedNotice', { date: fmt.date(saved.date), formatted: fmt.number(saved.visits), count: saved.visits }) });
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="visits-tally-title">
      <form onSubmit={submit} noValidate autoComplete="off">
        <Stack gap="xs">
          <Title order={2} size="h4" id="visits-tally-title">{t('visits.tallyTitle', { date: fmt.date(day.date) })}</Title>
          <Text size="sm" c="dimmed">{t('visits.tallyHelp')}</Text>
          <div role="group" aria-labelledby="visits-tally-title">
            {PURPOSES.map((p) => (
              <TallyRow key={p} purpose={p} value={typed[p]} registered={day.registered[p]}
                error={parseCount(typed[p]) === null ? t('visits.countInvalid') : undefined}
                onChange={(text) => setTyped((s) => ({ ...s, [p]: text }))} />
            ))}
          </div>
          <Text fw={600} data-testid="visits-day-total" aria-live="polite">
            {t('visits.dayTotal', { formatted: fmt.number(typedTotal + registered), count: typedTotal + registered })}
            {registered > 0 ? ` ${t('visits.dayTotalRegistered', { formatted: fmt.number(registered), count: registered })}` : ''}
          </Text>
          {save.isError && <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert>}
          <Group justify="space-between" gap="sm">
            <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} role="status">
              {dirty ? t('visits.unsaved') : t('visits.allSaved')}
            </Text>
            <Button type="submit" size="md" loading={save.isPending}>{t('visits.saveDay')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
