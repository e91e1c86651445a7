// /partners/:id — one partner organisation and its partnerships with centres.
import '../../components/pageStyles';
import { Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { canWritePartners } from '../../lib/roles';
import { LANGS } from '../../lib/types';
import { PartnershipList } from '../partnerships/PartnershipList';
import { useOrgUnit } from '../network/api';
import { usePartner, usePartnerMutations } from './api';
import { PartnerForm } from './PartnerForm';

function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <Text component="dd" m={0} className="kerege-wrap" c={empty ? 'dimmed' : undefined}>{empty ? '—' : children}</Text>
    </Box>
  );
}

/** Only http(s) links are made clickable. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url.includes('://') ? url : `https://${url}`);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export default function PartnerPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const user = useUser();
  const partner = usePartner(id);
  const { archive } = usePartnerMutations();
  const [editing, setEditing] = useState(false);
  const unit = useOrgUnit(partner.data?.orgUnitId);

  if (partner.isPending) return <Loading />;
  if (partner.isError) return <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />;
  const p = partner.data;
  const name = localName(p.name, lang);
  const writer = canWritePartners(user);
  const href = p.website ? safeUrl(p.website) : undefined;

  return (
    <Stack gap="md">
      <PageHeader
        above={<Anchor component={Link} to="/partners" size="sm">{t('partners.title')}</Anchor>}
        title={name}
        badge={
          <Group gap={6}>
            <Badge variant="light">{t(`partners.kinds.${p.kind}`)}</Badge>
            {p.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
          </Group>
        }
        actions={writer && (
          <>
            {!p.archivedAt && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            <ArchiveButton record={p} name={name}
              run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
          </>
        )}
      />
      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="partner-details">
        <Title order={2} size="h4" id="partner-details" mb="sm">{t('partners.details')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          {LANGS.map((l) => <Field key={l} label={t(`common.nameIn.${l}`)}><span lang={l}>{p.name[l]}</span></Field>)}
          <Field label={t('partners.orgUnit')}>
            {unit.data ? (
              <Anchor component={Link} to={`/network/${unit.data.id}`}>{localName(unit.data.name, lang)}</Anchor>
            ) : ''}
          </Field>
          <Field label={t('partners.address')}>{p.address}</Field>
          <Field label={t('partners.phone')}>{p.phone}</Field>
          <Field label={t('partners.email')}>{p.email && <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor>}</Field>
          <Field label={t('partners.website')}>
            {p.website && (href ? <Anchor href={href} target="_blank" rel="noopener noreferrer">{p.website}</Anchor> : p.website)}
          </Field>
          <Field label={t('partners.note')}>{p.note}</Field>
          <Field label={t('common.updatedAt')}>{fmt.dateTime(p.updatedAt)}</Field>
        </SimpleGrid>
      </Paper>
      <PartnershipList partnerId={p.id} readOnly={!!p.archivedAt} />
      <PartnerForm opened={editing} partner={p} onClose={() => setEditing(false)}
        onReload={() => void partner.refetch()} onSaved={() => setEditing(false)} />
    </Stack>
  );
}
