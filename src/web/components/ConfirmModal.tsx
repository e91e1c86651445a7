// "Are you sure?" for archiving. Esc and the close button cancel.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './States';

export function ConfirmModal({ opened, title, message, confirmLabel, onConfirm, onClose, pending, error, color = 'red' }: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text className="kerege-wrap">{message}</Text>
        {error ? <ErrorState error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>{t('common.cancel')}</Button>
          <Button color={color} onClick={onConfirm} loading={pending} data-autofocus>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
