// The centre a page works on. Centre staff work in their own centre, so they see
// its name; coordinators choose one of the centres in their area (searched on the
// server across scripts). Shared by the visits and follow-up pages.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordSelect } from '../../components/RecordSelect';
import { useUser } from '../../lib/auth';
import { localName } from '../../lib/names';
import type { Centre } from '../../lib/types';
import { boundCentre } from '../learners/parts';

/** The user's own centre when they are bound to one, else null (they choose). */
export function useOwnCentre(): string | null {
  return boundCentre(useUser());
}

export function CentreField({ value, onChange, label }: {
  value: string | null;
  onChange: (id: string) => void;
  label: string;
}) {
  const { i18n } = useTranslation();
  const user = useUser();
  const own = boundCentre(user);
  if (own) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>{label}</Text>
        <Text className="kerege-wrap" data-testid="own-centre">{localName(user.orgUnit?.name, i18n.language)}</Text>
      </Stack>
    );
  }
  return (
    <RecordSelect<Centre>
      endpoint="/api/centres"
      resource="centres"
      label={label}
      value={value}
      onChange={(id) => { if (id) onChange(id); }}
      toLabel={(c) => localName(c.name, i18n.language)}
    />
  );
}
