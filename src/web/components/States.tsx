// The three states every page has besides its content: loading, failed, empty.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center">
      <Text fw={600}>{title}</Text>
      {children}
    </Stack>
  );
}

/** What PagedResults needs of a TanStack infinite query. */
interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isPlaceholderData: boolean;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/**
 * A list page's results in all their states: loading, failed (with retry), empty (`empty`),
 * or the rows (`children`) under a live "N shown" line and over a "Load more" button.
 * While a new filter loads, the old rows stay, with a spinner by the count.
 */
export function PagedResults({ list, count, shown, empty, children }: {
  list: PagedQuery;
  count: number;
  /** e.g. "50 learners shown" — said to screen readers as it changes. */
  shown: string;
  empty: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (count === 0) return <>{empty}</>;
  return (
    <Stack gap="sm" aria-busy={list.isFetching}>
      <Group gap="xs" wrap="nowrap">
        {/* The old rows stay readable while a new filter loads (dimming them would fail contrast): a spinner says so. */}
        {list.isPlaceholderData && <Loader size="xs" aria-hidden />}
        <Text size="sm" c="dimmed" role="status">
          {shown}
          {list.hasNextPage ? ` ${t('common.moreAvailable')}` : ''}
        </Text>
      </Group>
      {children}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
