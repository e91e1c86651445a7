// Small pieces shared by the learner pages.
import { Badge, Group } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learner } from './api';

// Nothing here imports src/domain: its schemas bring zod (~30 KB gz), which only the
// form needs. The list and the read-only page stay light for a satellite link.

/** "Серікұлы Ерлан Бауыржанұлы": last, first, middle, as written. */
export function fullName(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/**
 * A stored phone (always +7XXXXXXXXXX, normalised by the server) grouped for
 * reading: "+7 701 123 45 67", as formatPhone in src/domain/phone.ts does for
 * any input. Anything else is shown as it is.
 */
export function displayPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

/** The window title for pages about one person: never the name (titles end up in the browser's history). */
export function usePrivateTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Kerege`;
  }, [title]);
}

/** A facilitator or manager works in one centre: no centre filter or column for them. */
export function boundCentre(user: { orgUnit?: { kind: string; id: string } }): string | null {
  return user.orgUnit?.kind === 'centre' ? user.orgUnit.id : null;
}

/** Long Kazakh labels wrap inside the badge rather than widen the page. */
export const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

export function TargetGroups({ groups }: { groups: Learner['targetGroups'] }) {
  const { t } = useTranslation();
  if (!groups.length) return null;
  return (
    <Group gap={4}>
      {groups.map((g) => (
        <Badge key={g} variant="light" size="sm" tt="none" styles={WRAPPING_BADGE}>{t(`learners.targetGroups.${g}`)}</Badge>
      ))}
    </Group>
  );
}

