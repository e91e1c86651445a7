// The partnerships of one centre (showing partners) or of one partner
// (showing centres), with add, edit and archive for those who may.
import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { canWritePartners } from '../../lib/roles';
import type { Partnership } from '../../lib/types';
import { useArchivePartnership, usePartnerships } from './api';
import { PartnershipForm } from './PartnershipForm';

export function PartnershipList({ centreId, partnerId, readOnly }: {
  centreId?: string; partnerId?: string; readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const user = useUser();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<Partnership | 'new' | null>(null);
  const list = usePartnerships({ centre: centreId, partner: partnerId, includeArchived });
  const archive = useArchivePartnership();
  const writer = canWritePartners(user) && !readOnly;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="partnerships-title">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="partnerships-title">{t('partnerships.title')}</Title>
        {writer && <Button size="xs" onClick={() => setEditing('new')}>{t('partnerships.add')}</Button>}
      </Group>
      <Switch size="sm" mb="sm" label={t('common.showArchived')} checked={includeArchived}
        onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('partnerships.none')} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((p) => {
            const other = centreId
              ? { to: `/partners/${p.partnerId}`, name: localName(p.partner?.name, lang), kind: t(`partners.kinds.${p.partner?.kind}`) }
              : { to: `/centres/${p.centreId}`, name: localName(p.centre?.name, lang), kind: '' };
            return (
              <Paper component="li" key={p.id} withBorder p="sm" radius="sm" bg={p.archivedAt ? 'gray.0' : undefined}>
                <Group justify="space-between" gap="xs" align="flex-start">
                  <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
                    <Group gap={6}>
                      <Anchor component={Link} to={other.to} fw={600} className="kerege-wrap">{other.name}</Anchor>
                      {other.kind && <Badge variant="light" size="sm">{other.kind}</Badge>}
                      {p.archivedAt && <Badge color="red" variant="outline" size="sm">{t('common.archived')}</Badge>}
                    </Group>
                    <Text size="sm" className="kerege-wrap">{p.role}</Text>
                    <Text size="xs" c="dimmed">
                      {p.endDate
                        ? t('partnerships.period', { from: fmt.date(p.startDate), to: fmt.date(p.endDate) })
                        : t('partnerships.since', { from: fmt.date(p.startDate) })}
                    </Text>
                    {p.note && <Text size="xs" c="dimmed" className="kerege-wrap">{p.note}</Text>}
                  </Stack>
                  {writer && (
                    <Group gap="xs">
                      {!p.archivedAt && (
                        <Button size="xs" variant="default" onClick={() => setEditing(p)}
                          aria-label={`${t('common.edit')}: ${other.name}`}>
                          {t('common.edit')}
                        </Button>
                      )}
                      <ArchiveButton size="xs" record={p} name={other.name}
                        run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
                    </Group>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {writer && (
        <PartnershipForm
          opened={editing !== null}
          onClose={() => setEditing(null)}
          partnership={editing && editing !== 'new' ? editing : undefined}
          centreId={centreId}
          partnerId={partnerId}
        />
      )}
    </Paper>
  );
}
