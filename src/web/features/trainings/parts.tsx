// Small pieces shared by the training pages.
import { Badge, Box, Text, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import type { Enrolment, Training } from './api';

/** A training is named by its course, in the reader's language. */
export function trainingName(training: Pick<Training, 'course'>, lang: string): string {
  return localName(training.course.name, lang);
}

/** "4 April 2016 – 8 April 2016", or one date when it is one day. */
export function useDateSpan() {
  const fmt = useFormat();
  return (start: string, end: string) => (start === end ? fmt.date(start) : `${fmt.date(start)} – ${fmt.date(end)}`);
}

const STATUS_COLOR: Record<Enrolment['status'], string> = {
  enrolled: 'blue', waiting: 'yellow', completed: 'green', dropped: 'gray',
};

export function StatusBadge({ enrolment, styles }: { enrolment: Pick<Enrolment, 'status' | 'waitingPosition'>; styles?: BadgeProps['styles'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = enrolment.status === 'waiting' && enrolment.waitingPosition
    ? t('trainings.waitingAt', { position: fmt.number(enrolment.waitingPosition) })
    : t(`trainings.statuses.${enrolment.status}`);
  return <Badge color={STATUS_COLOR[enrolment.status]} variant="light" tt="none" styles={styles}>{label}</Badge>;
}

/** A label above a value, in a description list. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <Text component="dd" m={0} className="kerege-wrap" c={empty ? 'dimmed' : undefined}>
        {empty ? '—' : children}
      </Text>
    </Box>
  );
}

/** Only what the reader changed goes into a PATCH (a smaller request, a cleaner audit trail). */
export function changedFields(next: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
}
