// A period to sum over: from, to (not in the future, in order) and "this month" / "this year"
// shortcuts. The visit and outcome summaries share it.
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, kzToday, monthStart } from './model';

export interface Period { from: string; to: string; valid: boolean; setFrom(v: string): void; setTo(v: string): void }

/** A period starting at `start` (given today) and ending today; `valid` when both dates are real and in order. */
export function usePeriod(start: (today: string) => string): Period {
  const today = kzToday();
  const [from, setFrom] = useState(() => start(today));
  const [to, setTo] = useState(today);
  return { from, to, setFrom, setTo, valid: isIsoDate(from) && isIsoDate(to) && from <= to };
}

export function PeriodPicker({ period: { from, to, setFrom, setTo } }: { period: Period }) {
  const { t } = useTranslation();
  const today = kzToday();
  return (
    <Group gap="sm" align="flex-end">
      <TextInput type="date" label={t('visits.from')} value={from} max={to || today} onChange={(e) => setFrom(e.currentTarget.value)} />
      <TextInput type="date" label={t('visits.to')} value={to} min={from} max={today} onChange={(e) => setTo(e.currentTarget.value)}
        error={isIsoDate(from) && isIsoDate(to) && from > to ? t('errors.field.end_before_start') : undefined} />
      <Group gap="xs">
        <Button variant="default" size="sm" onClick={() => { setFrom(monthStart(today)); setTo(today); }}>{t('visits.thisMonth')}</Button>
        <Button variant="default" size="sm" onClick={() => { setFrom(`${today.slice(0, 4)}-01-01`); setTo(today); }}>{t('visits.thisYear')}</Button>
      </Group>
    </Group>
  );
}
