// /admin/users — accounts: search, filter by role and org unit, create, edit,
// reset a password, deactivate and activate. Admins only (the server decides).
import '../../components/pageStyles';
import '@mantine/core/styles/Menu.css';
import { Button, Checkbox, Group, Menu, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/States';
import { apiGet, type Page } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { localName } from '../../lib/names';
import { ROLES, type Role, type User } from '../../lib/types';
import { ActivationModal, PasswordModal } from './AccountModals';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { UserFormModal } from './UserFormModal';

/** Mantine's green.9 is 4.3:1 on the striped rows; this one is above 6:1. */
const ACTIVE_GREEN = '#1b6b2f';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'activation'; user: User };

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useUser();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [orgUnit, setOrgUnit] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const filters = { q: search, role: role ?? undefined, orgUnit: orgUnit ?? undefined, includeArchived: includeInactive || undefined };
  const users = useInfiniteQuery({
    queryKey: ['users', filters],
    queryFn: ({ pageParam }) => apiGet<Page<User>>('/api/users', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(search || role || orgUnit);

  const actions = (user: User) => (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-sm" variant="default" aria-label={`${t('users.actions')}: ${user.username}`} rightSection={<span aria-hidden="true">▾</span>}>
          {t('users.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => setDialog({ kind: 'edit', user })}>{t('users.edit')}</Menu.Item>
        <Menu.Item onClick={() => setDialog({ kind: 'password', user })}>{t('users.resetPassword')}</Menu.Item>
        {user.id !== me.id && (
          <>
            <Menu.Divider />
            <Menu.Item color={user.active ? 'red.9' : undefined} onClick={() => setDialog({ kind: 'activation', user })}>
              {t(user.active ? 'users.deactivate' : 'users.activate')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
  const status = (user: User) => (
    <Text span size="sm" fw={600} c={user.active ? ACTIVE_GREEN : 'gray.7'} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">{user.active ? '● ' : '○ '}</span>
      {t(user.active ? 'users.active' : 'users.inactive')}
    </Text>
  );
  const unitName = (user: User) => (user.orgUnit ? localName(user.orgUnit.name, lang) || user.orgUnit.code : '');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">{t('users.title')}</Title>
          <Text c="gray.7" size="sm">{t('users.subtitle')}</Text>
        </div>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.new')}</Button>
      </Group>

      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('users.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchHint')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label={t('users.role')}
            placeholder={t('users.allRoles')}
            clearable
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(value) => setRole(value as Role | null)}
          />
          <OrgUnitSelect
            label={t('users.orgUnit')}
            placeholder={t('users.searchPlaceholder')}
            clearable
            value={orgUnit}
            onChange={setOrgUnit}
          />
          <Checkbox
            mt={{ base: 0, lg: 30 }}
            label={t('users.showInactive')}
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          />
        </SimpleGrid>
      </Paper>

      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && items.length === 0 && (
        <Empty title={filtered ? t('users.noneFound') : t('users.none')}>
          {!filtered && <Button variant="light" onClick={() => setDialog({ kind: 'create' })}>{t('users.new')}</Button>}
        </Empty>
      )}

      {items.length > 0 && (isPhone ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('users.title')}>
          {items.map((user) => (
            <Paper key={user.id} component="li" withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} className="kerege-wrap">{user.displayName}</Text>
                  <Text size="sm" c="gray.7" className="kerege-wrap">{user.username} · {t(`roles.${user.role}`)}</Text>
                  <Text size="sm" className="kerege-wrap">{unitName(user)}</Text>
                </div>
                {status(user)}
              </Group>
              <Group mt="xs">{actions(user)}</Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Caption>{t('users.shown', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.orgUnit')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((user) => (
                <Table.Tr key={user.id} data-username={user.username}>
                  <Table.Td><Text size="sm" ff="monospace">{user.username}</Text></Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                  <Table.Td className="kerege-wrap">{unitName(user)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(user)}</Table.Td>
                  <Table.Td>{actions(user)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}

      {users.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
            {t('users.more')}
          </Button>
        </Group>
      )}

      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <PasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'activation' && <ActivationModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
