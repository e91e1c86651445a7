import { Group, Stack, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

/** A page's title, what is above it (a breadcrumb) and its main actions. */
export function PageHeader({ title, above, actions, badge }: {
  title: ReactNode; above?: ReactNode; actions?: ReactNode; badge?: ReactNode;
}) {
  // Each page names itself in the window title: tabs, history and screen readers.
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · Kerege`;
  }, [title]);
  return (
    <Stack gap={6} mb="md">
      {above}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center" miw={0} style={{ flex: '1 1 16rem' }}>
          <Title order={1} size="h2" className="kerege-wrap">{title}</Title>
          {badge}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
