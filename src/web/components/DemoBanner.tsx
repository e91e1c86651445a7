// Shown when the server runs on the demo network (GET /api/health → demo: true).
import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../lib/api';
import type { Health } from '../lib/types';

export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: () => apiGet<Health>('/api/health'), staleTime: Infinity, retry: 0 });
}

export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useHealth();
  if (!data?.demo) return null;
  return (
    <Alert color="yellow" variant="light" radius={0} py={6} px="md" data-testid="demo-banner"
      styles={{ message: { fontSize: 'var(--mantine-font-size-sm)' } }}>
      <strong>{t('demo.title')}</strong> — {t('demo.text')}
    </Alert>
  );
}
