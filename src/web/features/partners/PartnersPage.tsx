// /partners — partner organisations in the reader's scope: search, filter by
// kind, create. The filters live in the query string.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { Empty, PagedResults } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { canWritePartners } from '../../lib/roles';
import { PARTNER_KINDS } from '../../lib/types';
import { usePartnerList } from './api';
import { PartnerForm } from './PartnerForm';

export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filter = { q: params.get('q') ?? '', kind: params.get('kind') ?? '', includeArchived: params.get('archived') === '1' };
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = usePartnerList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyFilter = !!(filter.q || filter.kind || filter.includeArchived);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('partners.title')}
        actions={canWritePartners(user) && <Button onClick={() => setCreating(true)}>{t('partners.new')}</Button>}
      />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SearchInput label={t('common.search')} placeholder={t('partners.searchPlaceholder')} value={filter.q}
            onSearch={(q) => setParam('q', q)} />
          <Select label={t('partners.kind')} clearable placeholder={t('common.all')} value={filter.kind || null}
            onChange={(v) => setParam('kind', v)}
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))} />
        </SimpleGrid>
        <Switch mt="sm" label={t('common.showArchived')} checked={filter.includeArchived}
          onChange={(e) => setParam('archived', e.currentTarget.checked ? '1' : null)} />
      </Paper>

      <PagedResults list={list} count={items.length}
        shown={t('partners.shown', { count: items.length, formatted: fmt.number(items.length) })}
        empty={
          <Empty title={anyFilter ? t('partners.noneFound') : t('partners.none')} />
        }>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('partners.title')}>
          {items.map((p) => (
            <Paper component="li" key={p.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" gap="xs" align="flex-start">
                <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
                  <Anchor component={Link} to={`/partners/${p.id}`} fw={600} className="kerege-wrap">
                    {localName(p.name, lang)}
                  </Anchor>
                  <Text size="xs" c="dimmed" className="kerege-wrap">
                    {[p.orgUnit ? localName(p.orgUnit.name, lang) : '', p.phone ?? '', p.email ?? ''].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                <Group gap={6}>
                  <Badge variant="light">{t(`partners.kinds.${p.kind}`)}</Badge>
                  {p.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      </PagedResults>
      <PartnerForm opened={creating} onClose={() => setCreating(false)}
        onSaved={(saved) => { setCreating(false); navigate(`/partners/${saved.id}`); }} />
    </Stack>
  );
}
