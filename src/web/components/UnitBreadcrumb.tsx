// Ancestors as a breadcrumb. Units above the reader's own scope are shown as
// plain text: the server would answer 404 for them.
import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../lib/auth';
import { localName } from '../lib/names';
import type { UnitRef } from '../lib/types';

export function UnitBreadcrumb({ ancestors }: { ancestors: UnitRef[] | undefined }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  if (!ancestors?.length) return null;
  const scopeIndex = ancestors.findIndex((a) => a.id === user.orgUnitId);
  return (
    <nav aria-label={t('network.breadcrumb')}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 2 }}>
        {ancestors.map((a, index) =>
          scopeIndex >= 0 && index >= scopeIndex ? (
            <Anchor key={a.id} component={Link} to={`/network/${a.id}`} size="sm">
              {localName(a.name, i18n.language)}
            </Anchor>
          ) : (
            <Text key={a.id} size="sm" c="dimmed">{localName(a.name, i18n.language)}</Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
