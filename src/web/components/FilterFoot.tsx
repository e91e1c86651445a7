// The last line of a list's filters: "show archived" (after any other switches a list has) and,
// once any filter is set, "clear filters".
import { Button, Group, Switch } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FilterFoot({ archived, onArchived, showArchived = true, anyFilter, onClear, children }: {
  archived: boolean;
  onArchived: (archived: boolean) => void;
  /** False while the list's other filters are folded away (a phone). */
  showArchived?: boolean;
  anyFilter: boolean;
  onClear: () => void;
  /** Switches before "show archived". */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const archivedSwitch = <Switch label={t('common.showArchived')} checked={archived} onChange={(e) => onArchived(e.currentTarget.checked)} />;
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      {!showArchived ? <span /> : children ? <Group gap="lg">{children}{archivedSwitch}</Group> : archivedSwitch}
      {anyFilter && <Button variant="subtle" size="xs" onClick={onClear}>{t('common.clearFilters')}</Button>}
    </Group>
  );
}
