// The parts every record form shares. At the top, what a refused save says: a 409 (someone
// else was faster: reload), a 400 (fix the marked fields, plus any error that has no input of
// its own), or anything else (a cut link, a server error); the keyboard is taken there. At the
// bottom, Cancel and Save.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { forwardRef, useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/errors';

/** A refusal the user must fix in the form's fields: empty required fields, or the server's 400. */
export const isValidationRefusal = (error: unknown, missing: boolean): boolean =>
  missing || (error instanceof ApiError && error.status === 400);

/**
 * After a refused save, the keyboard goes to the first field the server or the form refused,
 * or to the message at the top of the form (a conflict, a cut link): on a long form the Save
 * button is far below it.
 */
export function useRefusalFocus(form: RefObject<HTMLElement | null>, alerts: RefObject<HTMLElement | null>, error: unknown, missing: object) {
  const validation = isValidationRefusal(error, Object.keys(missing).length > 0);
  useEffect(() => {
    if (validation) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (error) alerts.current?.focus();
  }, [error, missing, validation, form, alerts]);
}

/** Cancel and Save at the foot of a form; both wait while a save is on its way. */
export function FormFooter({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel} disabled={pending}>{t('common.cancel')}</Button>
      <Button type="submit" loading={pending} disabled={pending}>{t('common.save')}</Button>
    </Group>
  );
}

export const FormAlerts = forwardRef<HTMLDivElement, {
  error: unknown;
  /** Client-side check found required fields empty. */
  missing?: boolean;
  /** Field errors that have no input on this form ("path: message"). */
  others?: string[];
  onReload?: () => void;
  /** What a conflict says, when the record has words of its own for it. */
  conflictText?: string;
}>(function FormAlerts({ error, missing = false, others = [], onReload, conflictText }, ref) {
  const { t } = useTranslation();
  const conflict = error instanceof ApiError && error.status === 409;
  const validation = isValidationRefusal(error, missing);
  return (
    <div ref={ref} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 80 }}>
      {conflict && (
        <Alert color="orange" role="alert" title={t('common.conflictTitle')}>
          <Stack gap="xs" align="flex-start">
            {conflictText ?? t('common.conflict')}
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
