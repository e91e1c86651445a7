// "Link to my centre" for a person already registered at another centre (the duplicate check
// says only that). The person consents again — to this centre keeping their data — and the
// link is made with the sealed token the check handed out; then their record opens, in scope
// for this centre from now on. The home centre does not change. Decision 0019.
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isoToday } from '../../../domain/learning';
import { useNotify } from '../../components/Notifications';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useLinkLearner } from './api';
import { CONSENT_VERSION } from './model';

/** Field errors as sentences (the token's ones say "look the person up again"). */
function problem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.fields.length) return error.fields.map((f) => f.message).join(' ');
  if (error instanceof ApiError && error.code === 'conflict' && error.message) return error.message;
  return errorMessage(t, error);
}

export function LinkButton({ linkToken, centreId }: { linkToken: string; centreId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)} data-testid="link-open">{t('learners.link.action')}</Button>
      {opened && <LinkModal linkToken={linkToken} centreId={centreId} onClose={() => setOpened(false)} />}
    </>
  );
}

function LinkModal({ linkToken, centreId, onClose }: { linkToken: string; centreId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const link = useLinkLearner();
  const [consent, setConsent] = useState(false);
  const [guardian, setGuardian] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (!consent) return setMissing(true);
    link.mutate({ linkToken, centreId, consent: { date: isoToday(), version: CONSENT_VERSION, guardianName: guardian.trim() || null } }, {
      onSuccess: (made) => {
        onClose();
        notify({ message: t('learners.link.done'), color: 'green' });
        navigate(`/learners/${made.learnerId}`);
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('learners.link.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {/* the modal is portalled, but React still bubbles its submit to the registration form around it */}
      <form onSubmit={(e) => { e.preventDefault(); e.stopPropagation(); submit(); }}>
        <Stack gap="md">
          <Text className="kerege-wrap">{t('learners.link.intro')}</Text>
          <Text size="sm" className="kerege-wrap" c="dimmed">{t('learners.consent.text')}</Text>
          <Checkbox size="md" checked={consent} data-autofocus id="link-consent"
            onChange={(e) => { setConsent(e.currentTarget.checked); setMissing(false); }}
            label={t('learners.link.consent')} error={missing ? t('learners.link.consentRequired') : undefined} />
          <TextInput label={t('learners.consent.guardianName')} description={t('learners.consent.guardianHelp')}
            value={guardian} onChange={(e) => setGuardian(e.currentTarget.value)} />
          {link.error ? <Alert color="red" role="alert">{problem(t, link.error)}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={link.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" loading={link.isPending} data-testid="link-confirm">{t('learners.link.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
