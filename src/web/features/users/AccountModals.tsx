// Reset an account's password; deactivate or activate an account. Each asks
// before it acts and says what will happen (sessions end).
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './forms.module.css';
import { useNotify } from '../../components/Notifications';
import { ApiError, apiSend } from '../../lib/api';
import { errorFor, errorMessage, fieldErrors } from '../../lib/errors';
import type { User } from '../../lib/types';
import { PASSWORD_MIN } from './options';

export function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<{ password?: string; repeat?: string }>({});

  const reset = useMutation({
    mutationFn: () => apiSend('POST', `/api/users/${user.id}/password`, { password }),
    onSuccess: () => {
      // The account's version changed: the list must not offer a stale one.
      void client.invalidateQueries({ queryKey: ['users'] });
      notify({ message: t('users.passwordReset', { name: user.username }) });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof local = {};
    if (password.length < PASSWORD_MIN) problems.password = t('users.passwordTooShort', { count: PASSWORD_MIN });
    else if (password !== repeat) problems.repeat = t('users.passwordMismatch');
    setLocal(problems);
    if (!problems.password && !problems.repeat) reset.mutate();
  };

  const server = fieldErrors(reset.error);
  const generalError = reset.error && !(reset.error instanceof ApiError && reset.error.fields.length > 0);

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('users.resetTitle', { name: user.username })}>
      <form onSubmit={submit} noValidate className={classes.form}>
        <Stack gap="sm">
          <Text size="sm">{t('users.resetExplain', { name: user.displayName })}</Text>
          {generalError && <Alert color="red" role="alert">{errorMessage(t, reset.error)}</Alert>}
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint', { count: PASSWORD_MIN })}
            required
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={local.password ?? errorFor(server, 'password')}
            visibilityToggleButtonProps={{ 'aria-label': t('users.showPassword') }}
            data-autofocus
          />
          <PasswordInput
            label={t('users.repeatPassword')}
            required
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={local.repeat}
            visibilityToggleButtonProps={{ 'aria-label': t('users.showPassword') }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={reset.isPending}>{t('users.resetConfirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ActivationModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const client = useQueryClient();
  const deactivating = user.active;

  const toggle = useMutation({
    mutationFn: () => apiSend('POST', `/api/users/${user.id}/${deactivating ? 'deactivate' : 'activate'}`, { version: user.version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      notify({ message: t(deactivating ? 'users.deactivated' : 'users.activated', { name: user.username }) });
      onClose();
    },
  });
  const conflict = toggle.error instanceof ApiError && toggle.error.status === 409;

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t(deactivating ? 'users.deactivateTitle' : 'users.activateTitle', { name: user.username })}>
      <Stack gap="sm">
        <Text size="sm">{t(deactivating ? 'users.deactivateExplain' : 'users.activateExplain', { name: user.displayName })}</Text>
        {conflict && (
          <Alert color="orange" role="alert" title={t('users.conflictTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('users.conflictEdit')}</Text>
              <Button size="xs" variant="light" color="orange" onClick={() => { void client.invalidateQueries({ queryKey: ['users'] }); onClose(); }}>
                {t('users.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {toggle.error && !conflict && <Alert color="red" role="alert">{errorMessage(t, toggle.error)}</Alert>}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} data-autofocus>{t('common.cancel')}</Button>
          <Button color={deactivating ? 'red.9' : undefined} loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {t(deactivating ? 'users.deactivate' : 'users.activate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
