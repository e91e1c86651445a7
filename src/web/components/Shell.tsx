// The frame around every signed-in page: header (name, language, user,
// logout), navigation (a drawer behind a burger on phones), the demo banner.
import { AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useOwnLearning, useUser } from '../lib/auth';
import { canReadAudit, canReadLearners, isAdmin } from '../lib/roles';
import type { User } from '../lib/types';
import { DemoBanner } from './DemoBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Loading } from './States';

interface NavItem { to: string; label: string; show: boolean }

function UserBlock({ user, compact }: { user: User; compact?: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Group gap="sm" wrap="nowrap" justify={compact ? 'space-between' : 'flex-end'}>
      <Box miw={0} style={{ textAlign: compact ? 'start' : 'end' }}>
        <Text size="sm" fw={600} truncate data-testid="user-name">{user.displayName}</Text>
        <Text size="xs" c="dimmed" truncate>{t(`roles.${user.role}`)}</Text>
      </Box>
      <Button
        variant="default"
        size="xs"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
      >
        {t('auth.logout')}
      </Button>
    </Group>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const user = useUser();
  const ownLearning = useOwnLearning();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });

  // The drawer closes when the page shown changes — but not when the page the address already
  // named is merely shown late: React Router renders a navigation as a transition, so a lazy page
  // whose code is still loading keeps the old page (and the old location here) on screen while
  // the address has moved on. Closing then shut a drawer opened in that moment.
  const openedAt = useRef<string | null>(null);
  const toggleMenu = () => {
    openedAt.current = window.location.pathname;
    toggle();
  };
  useEffect(() => {
    if (location.pathname !== openedAt.current) close();
  }, [location.pathname, close]);

  const items: NavItem[] = [
    // a learner's first item; staff who learn too find it after their work
    { to: '/my', label: t('nav.my'), show: user.role === 'learner' },
    { to: '/network', label: t('nav.network'), show: true },
    { to: '/centres', label: t('nav.centres'), show: true },
    { to: '/learners', label: t('nav.learners'), show: canReadLearners(user) },
    // Courses and trainings are staff work, the same roles as learners.
    { to: '/courses', label: t('nav.courses'), show: canReadLearners(user) },
    { to: '/trainings', label: t('nav.trainings'), show: canReadLearners(user) },
    { to: '/visits', label: t('nav.visits'), show: canReadLearners(user) },
    { to: '/follow-ups', label: t('nav.followups'), show: canReadLearners(user) },
    { to: '/import', label: t('nav.imports'), show: canReadLearners(user) },
    { to: '/map', label: t('nav.map'), show: true },
    { to: '/partners', label: t('nav.partners'), show: true },
    { to: '/admin/users', label: t('nav.users'), show: isAdmin(user) },
    { to: '/audit', label: t('nav.audit'), show: canReadAudit(user) },
    { to: '/my', label: t('nav.my'), show: user.role !== 'learner' && ownLearning },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="kerege-skip">{t('nav.skip')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggleMenu}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="kerege-nav"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('app.home')}>
              <Text fw={800} size="lg" c="blue.8" style={{ letterSpacing: '0.02em' }}>Kerege</Text>
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap" miw={0}>
            <LanguageSwitcher />
            <Box visibleFrom="sm" miw={0}>
              <UserBlock user={user} />
            </Box>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="kerege-nav" aria-label={t('nav.label')} component="nav" inert={isPhone && !opened}>
        <AppShell.Section grow>
          <Stack gap={2}>
            {items.filter((i) => i.show).map((item) => {
              const active = location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)
                || (item.to === '/trainings' && location.pathname.startsWith('/meetings/')); // a meeting's sheet is part of a training
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="filled"
                  onClick={close}
                  styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <UserBlock user={user} compact />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Box mx="calc(var(--mantine-spacing-md) * -1)" mt="calc(var(--mantine-spacing-md) * -1)" mb="md">
          <DemoBanner />
        </Box>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
