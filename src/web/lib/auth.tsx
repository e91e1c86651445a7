// Who is signed in: GET /api/auth/me as a query. A 401 anywhere clears it,
// and the protected layout then sends the reader to /login.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isLang, setLanguage } from '../i18n';
import { ApiError, apiGet, apiSend, setCsrfToken } from './api';
import type { Lang } from './names';
import type { Me, User } from './types';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Called by the query and mutation caches on every error. */
export function handleUnauthenticated(client: QueryClient, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    setCsrfToken(null);
    if (client.getQueryData(ME_KEY)) client.setQueryData(ME_KEY, null);
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

// The last user seen, for the moment between a 401 (the session ended) and
// the protected layout sending the reader to /login: pages still mounted may
// render once more and must not crash.
let lastUser: User | null = null;

/** The signed-in user; only inside the protected layout. */
export function useUser(): User {
  const { data } = useMe();
  if (data?.user) lastUser = data.user;
  const user = data?.user ?? lastUser;
  if (!user) throw new Error('useUser outside the signed-in layout');
  return user;
}

/** Whether the signed-in account has learning of its own (its page is /my). */
export function useOwnLearning(): boolean {
  const { data } = useMe();
  return data?.ownLearning ?? false;
}

// A language picked on the login page, by the person about to sign in, beats
// the locale stored with their account: it is the newer choice. Otherwise the
// account's locale wins over the device's remembered language.
let pickedBeforeLogin: Lang | null = null;

export function useLanguageSwitch() {
  const { data } = useMe();
  const signedIn = !!data?.user;
  return async (lang: Lang) => {
    await setLanguage(lang);
    if (!signedIn) {
      pickedBeforeLogin = lang;
      return;
    }
    try {
      await apiSend('PUT', '/api/auth/me/locale', { locale: lang });
    } catch {
      /* the page is in the new language already; the account remembers next time */
    }
  };
}

/** Keeps the page language in step with the signed-in account. */
export function useAccountLanguage(): void {
  const { data } = useMe();
  const client = useQueryClient();
  const user = data?.user;
  useEffect(() => {
    if (!user) return;
    const picked = pickedBeforeLogin;
    pickedBeforeLogin = null;
    if (picked && picked !== user.locale) {
      apiSend('PUT', '/api/auth/me/locale', { locale: picked })
        .then(() => client.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user: { ...me.user, locale: picked } } : me)))
        .catch(() => undefined);
      return;
    }
    if (isLang(user.locale)) void setLanguage(user.locale);
  }, [user?.id, user?.locale, client, user]);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) => {
      const answer = await apiSend<{ user: User; csrfToken?: string }>('POST', '/api/auth/login', input);
      if (answer.csrfToken) setCsrfToken(answer.csrfToken);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'health' });
      return client.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/auth/logout').catch(() => undefined),
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'health' && q.queryKey[0] !== 'auth' });
      client.setQueryData(ME_KEY, null);
    },
  });
}
