// Short messages after an action ("Archived. Undo"), read out by screen
// readers through a polite live region. Small on purpose: no extra package.
import { Button, Notification } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  message: string;
  title?: string;
  color?: 'green' | 'red' | 'yellow' | 'blue';
  action?: { label: string; onClick: () => void };
  /** Milliseconds; 0 keeps it until closed. */
  autoClose?: number;
}

interface Shown extends Notice { id: number }

const NotifyContext = createContext<(notice: Notice) => void>(() => undefined);

export function useNotify() {
  return useContext(NotifyContext);
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const close = useCallback((id: number) => {
    setShown((list) => list.filter((n) => n.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const notify = useCallback(
    (notice: Notice) => {
      const id = nextId.current++;
      setShown((list) => [...list.slice(-2), { ...notice, id }]);
      const ms = notice.autoClose ?? (notice.action ? 10_000 : 5_000);
      if (ms > 0) timers.current.set(id, setTimeout(() => close(id), ms));
    },
    [close],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        role="status"
        style={{
          position: 'fixed', zIndex: 400, insetInlineEnd: 12, bottom: 12,
          width: 'min(380px, calc(100vw - 24px))', display: 'flex', flexDirection: 'column', gap: 8,
        }}
      >
        {shown.map((n) => (
          <Notification
            key={n.id}
            title={n.title}
            color={n.color ?? 'green'}
            withBorder
            onClose={() => close(n.id)}
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            {n.message}
            {n.action && (
              <Button
                size="compact-sm"
                variant="light"
                ml="sm"
                onClick={() => {
                  close(n.id);
                  n.action?.onClick();
                }}
              >
                {n.action.label}
              </Button>
            )}
          </Notification>
        ))}
      </div>
    </NotifyContext.Provider>
  );
}
