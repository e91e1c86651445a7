// Create an account, or edit its display name, role, org unit, partner and language.
import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './forms.module.css';
import { useNotify } from '../../components/Notifications';
import { ApiError, apiSend } from '../../lib/api';
import { errorFor, errorMessage, fieldErrors, otherFieldErrors } from '../../lib/errors';
import type { Lang } from '../../lib/names';
import { LANGS, ROLES, type Role, type User } from '../../lib/types';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { RecordSelect } from '../../components/RecordSelect';
import { localName } from '../../lib/names';
import { PASSWORD_MIN, USERNAME_PATTERN, type PartnerItem } from './options';

interface Props {
  /** The account to edit; null to create one. */
  user: User | null;
  onClose: () => void;
}

const LANG_LABELS: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const KNOWN_FIELDS = ['username', 'displayName', 'password', 'role', 'orgUnitId', 'partnerId', 'locale', 'version'];

export function UserFormModal({ user, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notify = useNotify();
  const client = useQueryClient();
  const editing = !!user;

  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role | null>(user?.role ?? null);
  const [orgUnitId, setOrgUnitId] = useState<string | null>(user?.orgUnitId ?? null);
  const [partnerId, setPartnerId] = useState<string | null>(user?.partnerId ?? null);
  const [locale, setLocale] = useState<Lang>((user?.locale as Lang | null) ?? 'kk');
  const [local, setLocal] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: () => {
      const partner = role === 'employer' ? partnerId : null;
      if (user) {
        return apiSend<User>('PATCH', `/api/users/${user.id}`, {
          version: user.version, displayName: displayName.trim(), role, orgUnitId, partnerId: partner, locale,
        });
      }
      return apiSend<User>('POST', '/api/users', {
        username: username.trim(), displayName: displayName.trim(), password, role, orgUnitId, partnerId: partner, locale,
      });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      notify({ message: editing ? t('users.saved', { name: saved.username }) : t('users.created', { name: saved.username }) });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!editing) {
      if (username.trim().length < 3 || !USERNAME_PATTERN.test(username.trim())) problems.username = t('users.usernameHint');
      if (password.length < PASSWORD_MIN) problems.password = t('users.passwordTooShort', { count: PASSWORD_MIN });
    }
    if (!displayName.trim()) problems.displayName = t('common.required');
    if (!role) problems.role = t('common.required');
    if (!orgUnitId) problems.orgUnitId = t('common.required');
    if (role === 'employer' && !partnerId) problems.partnerId = t('common.required');
    setLocal(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  };

  const server = fieldErrors(save.error);
  const err = (field: string) => local[field] ?? errorFor(server, field);
  const other = otherFieldErrors(server, KNOWN_FIELDS);
  const error = save.error;
  const conflict = error instanceof ApiError && error.status === 409;

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={editing ? t('users.editTitle', { name: user.username }) : t('users.createTitle')} size="lg">
      <form onSubmit={submit} noValidate className={classes.form}>
        <Stack gap="sm">
          {conflict && (
            <Alert color="orange" role="alert" title={t('users.conflictTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{editing ? t('users.conflictEdit') : t('users.conflictCreate')}</Text>
                {editing && (
                  <Button size="xs" variant="light" color="orange" onClick={() => { void client.invalidateQueries({ queryKey: ['users'] }); onClose(); }}>
                    {t('users.reload')}
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          {error && !conflict && (!(error instanceof ApiError) || error.fields.length === 0 || other.length > 0) && (
            <Alert color="red" role="alert">
              {other.length > 0 ? other.join('; ') : errorMessage(t, error)}
            </Alert>
          )}
          {!editing && (
            <TextInput
              label={t('users.username')}
              description={t('users.usernameHint')}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={err('username') ?? (conflict ? t('users.usernameTaken') : undefined)}
              data-autofocus
            />
          )}
          <TextInput
            label={t('users.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={err('displayName')}
          />
          {!editing && (
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHint', { count: PASSWORD_MIN })}
              required
              autoComplete="new-password"
              minLength={PASSWORD_MIN}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={err('password')}
              visibilityToggleButtonProps={{ 'aria-label': t('users.showPassword') }}
            />
          )}
          <Select
            label={t('users.role')}
            required
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(value) => setRole(value as Role | null)}
            error={err('role')}
            allowDeselect={false}
          />
          <OrgUnitSelect
            label={t('users.orgUnit')}
            description={t('users.orgUnitHint')}
            required
            value={orgUnitId}
            onChange={setOrgUnitId}
            error={err('orgUnitId')}
          />
          {role === 'employer' && (
            <RecordSelect<PartnerItem>
              endpoint="/api/partners"
              resource="partners"
              toLabel={(p) => localName(p.name, lang)}
              label={t('users.partner')}
              description={t('users.partnerHint')}
              required
              value={partnerId}
              onChange={setPartnerId}
              error={err('partnerId')}
            />
          )}
          <Select
            label={t('users.language')}
            data={LANGS.map((l) => ({ value: l, label: LANG_LABELS[l] }))}
            value={locale}
            onChange={(value) => value && setLocale(value as Lang)}
            allowDeselect={false}
            error={err('locale')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{editing ? t('common.save') : t('users.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
