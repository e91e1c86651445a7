// What a refused save says at the top of a form: a 409 (someone else was
// faster: reload), a 400 (fix the marked fields, plus any error that has no
// input of its own), or anything else (a cut link, a server error).
import { Alert, Button, Stack } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';

export const FormAlerts = forwardRef<HTMLDivElement, {
  error: unknown;
  /** Client-side check found required fields empty. */
  missing?: boolean;
  /** Field errors that have no input on this form ("path: message"). */
  others?: string[];
  onReload?: () => void;
}>(function FormAlerts({ error, missing, others = [], onReload }, ref) {
  const { t } = useTranslation();
  const conflict = error instanceof ApiError && error.status === 409;
  const validation = missing || (error instanceof ApiError && error.status === 400);
  return (
    <div ref={ref} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 80 }}>
      {conflict && (
        <Alert color="orange" role="alert" title={t('common.conflictTitle')}>
          <Stack gap="xs" align="flex-start">
            {t('common.conflict')}
            {onReload && <Button size="xs" color="orange" variant="light" onClick={onReload}>{t('common.reload')}</Button>}
          </Stack>
        </Alert>
      )}
      {!!error && !conflict && !validation && <Alert color="red" role="alert">{errorMessage(t, error)}</Alert>}
      {validation && (
        <Alert color="red" role="alert">
          {t('common.fixFields')}
          {others.length > 0 && <> {others.join('; ')}</>}
        </Alert>
      )}
    </div>
  );
});
