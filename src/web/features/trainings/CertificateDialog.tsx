// Issue a certificate to a learner who completed, in the language they choose
// (kk, ru or en); then download its PDF or open the public verification page.
// Issuing twice in one language gives back the certificate already there.
import '@mantine/core/styles/SegmentedControl.css';
import { Alert, Anchor, Button, Group, Input, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/States';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { canRevokeCertificates } from '../../lib/roles';
import type { Lang } from '../../lib/names';
import { LANGS } from '../../lib/types';
import { certificatePdfUrl, useIssueCertificate, type Certificate } from './api';
import { RevokeCertificate } from './RevokeCertificate';

/** "ABCD-EFGH-JKMN", as printed. */
export const groupedCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** The links of one certificate: its PDF and its public page; `revocable` adds "Revoke" for those who may. */
export function CertificateLinks({ certificate, revocable = false }: { certificate: Certificate; revocable?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mayRevoke = canRevokeCertificates(useUser());
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor href={certificatePdfUrl(certificate)} download size="sm" fw={600}>
        {t('certificates.pdf', { language: certificate.language.toUpperCase() })}
      </Anchor>
      <Anchor href={certificate.verifyUrl} target="_blank" rel="noopener" size="sm">
        {t('certificates.verifyLink', { code: groupedCode(certificate.code) })}
      </Anchor>
      {certificate.revokedAt ? (
        <Text span size="sm" c="red.9" fw={600} data-testid="certificate-revoked">
          {t('certificates.revokedOn', { date: fmt.date(certificate.revokedAt.slice(0, 10)) })}
        </Text>
      ) : revocable && mayRevoke ? <RevokeCertificate certificate={certificate} /> : null}
    </Group>
  );
}

export function CertificateDialog({ enrolmentId, name, defaultLanguage, opened, onClose }: {
  enrolmentId: string;
  name: string;
  defaultLanguage: Lang;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const issue = useIssueCertificate();
  const [language, setLanguage] = useState<Lang>(defaultLanguage);
  const [issued, setIssued] = useState<Certificate | null>(null);
  const close = () => {
    if (issue.isPending) return;
    issue.reset();
    setIssued(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('certificates.issueTitle')} centered
      closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text className="kerege-wrap">{t('certificates.issueFor', { name })}</Text>
        {issued ? (
          <Alert color="green" role="status" title={t('certificates.issued')}>
            <Stack gap={6}>
              <Text size="sm">{t('certificates.issuedDetails', {
                code: groupedCode(issued.code), date: fmt.date(issued.issuedOn), hours: fmt.number(issued.hours),
              })}</Text>
              <CertificateLinks certificate={issued} />
            </Stack>
          </Alert>
        ) : (
          <Input.Wrapper label={t('certificates.language')} labelElement="div" id="certificate-language">
            <SegmentedControl aria-labelledby="certificate-language-label" fullWidth mt={4} size="md" value={language}
              onChange={(v) => setLanguage(v as Lang)} data={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
          </Input.Wrapper>
        )}
        {issue.error ? <ErrorState error={issue.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={issue.isPending}>{t('common.close')}</Button>
          {!issued && (
            <Button loading={issue.isPending} data-autofocus
              onClick={() => issue.mutate({ enrolmentId, language }, { onSuccess: (c) => setIssued(c) })}>
              {t('certificates.issue')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
