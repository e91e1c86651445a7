// /centres/:id — everything about one centre, its place in the hierarchy,
// its partnerships; edit, archive and restore for those who may.
import '../../components/pageStyles';
import { Alert, Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { UnitBreadcrumb } from '../../components/UnitBreadcrumb';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName, type Names } from '../../lib/names';
import { canEditCentre, canWriteNetwork } from '../../lib/roles';
import { LANGS, type Centre } from '../../lib/types';
import { useArchiveCentre, useCentre } from './api';
import { PartnershipList } from '../partnerships/PartnershipList';

function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <Text component="dd" m={0} className="kerege-wrap" c={empty ? 'dimmed' : undefined}>
        {empty ? '—' : children}
      </Text>
    </Box>
  );
}

/** Language names are capitalised in Kazakh and Russian only at the start of a sentence. */
function inSentence(word: string, lang: string): string {
  return lang === 'en' ? word : word.charAt(0).toLowerCase() + word.slice(1);
}

export function addressText(address: Centre['address'], lang: string): string {
  if (!address) return '';
  return typeof address === 'string' ? address : localName(address as Names, lang);
}

export default function CentrePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const centre = useCentre(id);
  const archive = useArchiveCentre();
  const warnings: string[] = (location.state as { warnings?: string[] } | null)?.warnings ?? [];

  if (centre.isPending) return <Loading />;
  if (centre.isError) return <ErrorState error={centre.error} onRetry={() => void centre.refetch()} />;
  const c = centre.data;
  const name = localName(c.name, lang);

  return (
    <Stack gap="md">
      <PageHeader
        above={<UnitBreadcrumb ancestors={c.ancestors} />}
        title={name}
        badge={
          <Group gap={6}>
            <Badge variant="light">{t(`centres.types.${c.type}`)}</Badge>
            {c.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
            {c.invented && <Badge color="yellow" variant="light">{t('demo.invented')}</Badge>}
          </Group>
        }
        actions={
          <>
            {canEditCentre(user, c.id) && !c.archivedAt && (
              <Button component={Link} to={`/centres/${c.id}/edit`}>{t('common.edit')}</Button>
            )}
            {canWriteNetwork(user) && (
              <ArchiveButton
                record={c}
                name={name}
                run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })}
              />
            )}
          </>
        }
      />

      {warnings.includes('outside_kazakhstan') && (
        <Alert color="yellow" role="alert" title={t('centres.warnings.outsideTitle')} withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => navigate(location.pathname, { replace: true, state: null })}>
          {t('centres.warnings.outside_kazakhstan')}
        </Alert>
      )}

      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="centre-details">
        <Title order={2} size="h4" id="centre-details" mb="sm">{t('centres.details')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          {LANGS.map((l) => (
            <Field key={l} label={t(`common.nameIn.${l}`)}><span lang={l}>{c.name[l]}</span></Field>
          ))}
          <Field label={t('centres.code')}>{c.code}</Field>
          <Field label={t('centres.type')}>{t(`centres.types.${c.type}`)}</Field>
          <Field label={t('centres.address')}>{addressText(c.address, lang)}</Field>
          <Field label={t('centres.coordinates')}>
            {c.lat !== null && c.lon !== null ? `${fmt.coord(c.lat)}; ${fmt.coord(c.lon)}` : ''}
          </Field>
          <Field label={t('centres.phone')}>
            {c.phone && <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</Anchor>}
          </Field>
          <Field label={t('centres.email')}>{c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}</Field>
          <Field label={t('centres.facilitators')}>{c.facilitators?.length ? fmt.list(c.facilitators) : ''}</Field>
          <Field label={t('centres.openedOn')}>{fmt.date(c.openedOn)}</Field>
          <Field label={t('centres.connectivityLabel')}>{t(`centres.connectivity.${c.connectivity}`)}</Field>
          <Field label={t('centres.computers')}>{fmt.number(c.computers)}</Field>
          <Field label={t('centres.languages')}>
            {c.languages?.length ? fmt.list(c.languages.map((l) => inSentence(t(`lang.${l}`), lang))) : ''}
          </Field>
          <Field label={t('centres.openingHours')}>{c.openingHours}</Field>
          <Field label={t('common.updatedAt')}>{fmt.dateTime(c.updatedAt)}</Field>
        </SimpleGrid>
      </Paper>

      <PartnershipList centreId={c.id} readOnly={!!c.archivedAt} />
    </Stack>
  );
}
