// Archive (or restore) a record after a confirmation; after archiving, a
// notification offers to undo it at once (restore with the new version).
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './ConfirmModal';
import { useNotify } from './Notifications';

interface Archivable { id: string; version: string; archivedAt: string | null }

export function ArchiveButton<T extends Archivable>({ record, name, run, onChanged, size = 'sm' }: {
  record: T;
  /** The record's name, for the question and the notification. */
  name: string;
  run: (action: 'archive' | 'restore', record: Archivable) => Promise<T>;
  onChanged?: (record: T, action: 'archive' | 'restore') => void;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const action = record.archivedAt ? 'restore' : 'archive';

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      const saved = await run(action, record);
      setOpen(false);
      onChanged?.(saved, action);
      if (action === 'archive') {
        notify({
          message: t('common.archivedNotice', { name }),
          action: {
            label: t('common.undo'),
            onClick: () => {
              run('restore', saved)
                .then((restored) => {
                  onChanged?.(restored, 'restore');
                  notify({ message: t('common.restoredNotice', { name }) });
                })
                .catch(() => notify({ color: 'red', message: t('common.restoreFailed', { name }) }));
            },
          },
        });
      } else {
        notify({ message: t('common.restoredNotice', { name }) });
      }
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button
        size={size}
        variant={action === 'archive' ? 'default' : 'light'}
        color={action === 'archive' ? 'red' : 'green'}
        onClick={() => { setError(null); setOpen(true); }}
      >
        {action === 'archive' ? t('common.archive') : t('common.restore')}
      </Button>
      <ConfirmModal
        opened={open}
        onClose={() => !pending && setOpen(false)}
        title={action === 'archive' ? t('common.archiveTitle') : t('common.restoreTitle')}
        message={action === 'archive' ? t('common.archiveQuestion', { name }) : t('common.restoreQuestion', { name })}
        confirmLabel={action === 'archive' ? t('common.archive') : t('common.restore')}
        color={action === 'archive' ? 'red' : 'green'}
        onConfirm={() => void confirm()}
        pending={pending}
        error={error}
      />
    </>
  );
}
