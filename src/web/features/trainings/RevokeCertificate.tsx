// "Revoke" on a certificate, for the roles that may (certificate.revoke: a centre's manager
// or a coordinator above it). A document someone holds is taken back only with a reason,
// which the record and the audit keep; there is no undo, so the dialog says so. Afterwards
// the certificate shows as revoked here and on its public verification page.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_LIMITS } from '../../../domain/certificates';
import { useNotify } from '../../components/Notifications';
import { errorFor, errorMessage, fieldErrors, otherFieldErrors } from '../../lib/errors';
import { useRevokeCertificate } from '../learners/recordApi';
import { groupedCode } from './CertificateDialog';

export function RevokeCertificate({ certificate }: { certificate: { id: string; code: string } }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const code = groupedCode(certificate.code);
  return (
    <>
      <Button size="compact-sm" variant="default" color="red" onClick={() => setOpened(true)}
        aria-label={t('learnerRecord.revoke.actionFor', { code })} data-testid="certificate-revoke">
        {t('learnerRecord.revoke.action')}
      </Button>
      {opened && <RevokeDialog id={certificate.id} code={code} onClose={() => setOpened(false)} />}
    </>
  );
}

function RevokeDialog({ id, code, onClose }: { id: string; code: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrors(revoke.error);
  const others = otherFieldErrors(errors, ['reason']);
  const close = () => !revoke.isPending && onClose();

  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    revoke.mutate({ id, reason: reason.trim() }, {
      onSuccess: () => {
        onClose();
        notify({ message: t('learnerRecord.revoke.done', { code }), color: 'green' });
      },
    });
  };

  return (
    <Modal opened onClose={close} title={t('learnerRecord.revoke.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="md">
          <Text className="kerege-wrap">{t('learnerRecord.revoke.question', { code })}</Text>
          <Textarea label={t('learnerRecord.revoke.reason')} description={t('learnerRecord.revoke.reasonHelp')} required autosize minRows={2}
            maxLength={CERTIFICATE_LIMITS.reasonMax} value={reason} data-autofocus data-testid="certificate-revoke-reason"
            onChange={(e) => { setReason(e.currentTarget.value); setMissing(false); }}
            error={missing ? t('common.required') : errorFor(errors, 'reason')} />
          {revoke.error && !errorFor(errors, 'reason') ? (
            <Alert color="red" role="alert">{others.length ? others.join(' ') : errorMessage(t, revoke.error)}</Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={revoke.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" color="red" loading={revoke.isPending} data-testid="certificate-revoke-confirm">
              {t('learnerRecord.revoke.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
