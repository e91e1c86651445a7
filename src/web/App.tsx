// Providers and routes. Login and the shell are in the entry chunk; every
// other page is loaded when first opened.
import { Container, MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NotificationsProvider } from './components/Notifications';
import { Shell } from './components/Shell';
import { ErrorState, Loading } from './components/States';
import LoginPage from './features/auth/LoginPage';
import { ApiError } from './lib/api';
import { handleUnauthenticated, useAccountLanguage, useMe, useUser } from './lib/auth';
import { homePath } from './lib/roles';

const NetworkPage = lazy(() => import('./features/network/NetworkPage'));
const CentresPage = lazy(() => import('./features/centres/CentresPage'));
const CentrePage = lazy(() => import('./features/centres/CentrePage'));
const CentreEditPage = lazy(() => import('./features/centres/CentreEditPage'));
const LearnersPage = lazy(() => import('./features/learners/LearnersPage'));
const MyLearningPage = lazy(() => import('./features/my/MyLearningPage'));
const LearnerPage = lazy(() => import('./features/learners/LearnerPage'));
const LearnerEditPage = lazy(() => import('./features/learners/LearnerEditPage'));
const CoursesPage = lazy(() => import('./features/courses/CoursesPage'));
const CoursePage = lazy(() => import('./features/courses/CoursePage'));
const CourseEditPage = lazy(() => import('./features/courses/CourseEditPage'));
const TrainingsPage = lazy(() => import('./features/trainings/TrainingsPage'));
const TrainingPage = lazy(() => import('./features/trainings/TrainingPage'));
const TrainingEditPage = lazy(() => import('./features/trainings/TrainingEditPage'));
const AttendancePage = lazy(() => import('./features/trainings/AttendancePage'));
const VisitsPage = lazy(() => import('./features/visits/VisitsPage'));
const FollowUpsPage = lazy(() => import('./features/followups/FollowUpsPage'));
const ImportPage = lazy(() => import('./features/imports/ImportPage'));
const PartnersPage = lazy(() => import('./features/partners/PartnersPage'));
const PartnerPage = lazy(() => import('./features/partners/PartnerPage'));
const MapPage = lazy(() => import('./features/map/MapPage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage'));

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white-on-blue buttons and blue links above 4.5:1 contrast.
  primaryShade: { light: 8, dark: 5 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, sans-serif" },
});

// Contrast for small text (WCAG AA, 4.5:1): Mantine's "dimmed" grey is 3.3:1
// on white, and the "light" variants (badges, subtle buttons) put shade 9 of
// green, teal or yellow on a pale tint, under 4.5:1. Darken them a little.
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors: Mantine's red-6 is 3.3:1 on white; red-9 is above 4.5:1 (on grey-0 too).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.keys(t.colors).map((c) => [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9) 65%, black)`]),
    ),
  },
  dark: {},
});

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleUnauthenticated(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => handleUnauthenticated(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change by asking again; a cut satellite link might.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

const queryClient = makeQueryClient();

/** A new page starts at its top (BrowserRouter does not restore scrolling). */
function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

/** "/" leads each person home at once (no redirect waiting on a request). */
function Home() {
  return <Navigate to={homePath(useUser())} replace />;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  useAccountLanguage();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <BrowserRouter>
            <ScrollToTop />
            <ErrorBoundary>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<RequireAuth><Shell /></RequireAuth>}>
                  <Route index element={<Home />} />
                  <Route path="my" element={<MyLearningPage />} />
                  <Route path="network" element={<NetworkPage />} />
                  <Route path="network/:id" element={<NetworkPage />} />
                  <Route path="centres" element={<CentresPage />} />
                  <Route path="centres/new" element={<CentreEditPage />} />
                  <Route path="centres/:id" element={<CentrePage />} />
                  <Route path="centres/:id/edit" element={<CentreEditPage />} />
                  <Route path="learners" element={<LearnersPage />} />
                  <Route path="learners/new" element={<LearnerEditPage />} />
                  <Route path="learners/:id" element={<LearnerPage />} />
                  <Route path="learners/:id/edit" element={<LearnerEditPage />} />
                  <Route path="courses" element={<CoursesPage />} />
                  <Route path="courses/new" element={<CourseEditPage />} />
                  <Route path="courses/:id" element={<CoursePage />} />
                  <Route path="courses/:id/edit" element={<CourseEditPage />} />
                  <Route path="trainings" element={<TrainingsPage />} />
                  <Route path="trainings/new" element={<TrainingEditPage />} />
                  <Route path="trainings/:id" element={<TrainingPage />} />
                  <Route path="trainings/:id/edit" element={<TrainingEditPage />} />
                  <Route path="meetings/:id/attendance" element={<AttendancePage />} />
                  <Route path="visits" element={<VisitsPage />} />
                  <Route path="follow-ups" element={<FollowUpsPage />} />
                  <Route path="import" element={<ImportPage />} />
                  <Route path="partners" element={<PartnersPage />} />
                  <Route path="partners/:id" element={<PartnerPage />} />
                  <Route path="map" element={<MapPage />} />
                  <Route path="admin/users" element={<UsersPage />} />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </ErrorBoundary>
          </BrowserRouter>
        </NotificationsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
