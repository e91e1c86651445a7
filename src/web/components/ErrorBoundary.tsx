// A render error shows a message with a way out instead of a blank page.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert" m="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('common.error')}</Text>
        <Button size="xs" variant="light" color="red" onClick={onReset}>{t('common.reload')}</Button>
      </Stack>
    </Alert>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    // Moving to another page gives that page a fresh start.
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (this.state.failed) return <Fallback onReset={() => window.location.reload()} />;
    return this.props.children;
  }
}
