// "Export" for any list page: the list with its current filters as XLSX or CSV. The file is
// fetched (not navigated to), so a search text never lands in the address bar or history,
// and a refusal shows as a message instead of a broken download.
import '@mantine/core/styles/Menu.css';
import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { useNotify } from './Notifications';

type Filters = Record<string, string | boolean | null | undefined>;

async function download(path: string, format: 'xlsx' | 'csv', filters: Filters, lang: string): Promise<void> {
  const search = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  const response = await fetch(`/api/exports/${path}?${search}`, { credentials: 'same-origin', headers: { 'accept-language': lang } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.code ?? 'http_error', body?.message ?? response.statusText, body?.fields ?? []);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `list`: the part after /api/exports/ (learners, centres, trainings/<id>/enrolments …). */
export function ExportMenu({ list, filters = {} }: { list: string; filters?: Filters }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      await download(list, format, filters, i18n.language);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} title={t('exports.hint')}>{t('exports.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run('xlsx')}>{t('exports.xlsx')}</Menu.Item>
        <Menu.Item onClick={() => void run('csv')}>{t('exports.csv')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
