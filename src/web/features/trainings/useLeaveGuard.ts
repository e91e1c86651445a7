// "You have unsaved changes": the browser asks before the tab is closed or
// reloaded (beforeunload), and a click on a link inside the app is held until
// the reader confirms. (react-router's useBlocker needs a data router; the app
// uses BrowserRouter, so links are caught here, in the capture phase.)
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

export function useLeaveGuard(dirty: boolean) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  return {
    /** Where the reader wanted to go (a confirmation is showing), or null. */
    pending,
    stay: useCallback(() => setPending(null), []),
    leave: useCallback(() => {
      const to = pending;
      setPending(null);
      if (to) navigate(to);
    }, [pending, navigate]),
  };
}
