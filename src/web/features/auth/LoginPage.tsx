// /login — in the entry chunk: the first page most people see over a slow link.
import { Alert, Box, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { DemoBanner } from '../../components/DemoBanner';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ApiError } from '../../lib/api';
import { useLogin, useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';

/** Only same-site paths, so a crafted link cannot send people elsewhere after login; "/" leads each role home. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  // Signed in (just now, or already when the page opened): on to where the person was going.
  // The only navigation after a sign-in — a second one (from the mutation's own callback) sent
  // the address to `/` and home twice, and the second trip closed a phone's menu just opened.
  if (me.data?.user && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lack = { username: !username.trim(), password: !password };
    setMissing(lack);
    if (lack.username || lack.password) return;
    login.mutate({ username: username.trim(), password });
  };

  const error = login.error;
  const wrong = error instanceof ApiError && (error.code === 'invalid_credentials' || error.status === 401);
  const limited = error instanceof ApiError && (error.code === 'rate_limited' || error.status === 429);

  return (
    <Box mih="100dvh" bg="gray.0">
      <header>
        <DemoBanner />
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={800} size="lg" c="blue.8">Kerege</Text>
          <LanguageSwitcher />
        </Group>
      </header>
      <Container size={420} px="md" pt="xl" pb="xl" component="main" id="main">
        <Title order={1} size="h2" mb={4}>{t('auth.title')}</Title>
        <Text c="dimmed" size="sm" mb="lg">{t('app.tagline')}</Text>
        <Paper withBorder shadow="xs" p="lg" radius="md">
          <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
            <Stack gap="md">
              {error && (
                <Alert color="red" role="alert" id="login-error" data-testid="login-error">
                  {wrong ? t('auth.invalidCredentials') : limited ? t('auth.rateLimited') : errorMessage(t, error)}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={missing.username ? t('common.required') : undefined}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t('auth.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={missing.password ? t('common.required') : undefined}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              />
              <Button type="submit" loading={login.isPending} disabled={login.isPending} fullWidth>
                {t('auth.login')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </Box>
  );
}
