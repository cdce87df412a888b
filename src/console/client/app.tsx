// The console's frame: sign-in with a staff key, the navigation, and one route per page.
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { checkKey, session } from './api';
import { asApiError } from './hooks';
import { ProblemView } from './components/ui';
import { VocabularyProvider } from './vocabulary';
import { Dashboard } from './pages/dashboard';
import { EntityList } from './pages/entity-list';
import { CompanyPage } from './pages/company';
import { ClusterPage } from './pages/cluster';
import { OpportunityPage } from './pages/opportunity';
import { EditProfile } from './pages/edit-profile';
import { EventsPage } from './pages/events';
import { EventPage } from './pages/event';
import { IntroductionsPage } from './pages/introductions';
import { ImportPage } from './pages/import';
import type { ApiError } from './api';

const NAV = [
  ['/console', 'Dashboard'],
  ['/console/companies', 'Companies'],
  ['/console/clusters', 'Clusters'],
  ['/console/opportunities', 'Opportunities'],
  ['/console/events', 'Events'],
  ['/console/introductions', 'Introductions'],
  ['/console/import', 'Import'],
] as const;

export function App() {
  const [signedIn, setSignedIn] = useState(session.key !== null);
  useEffect(() => session.onSignOut(() => setSignedIn(false)), []);
  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} />;
  return (
    <LocationProvider scope="/console">
      <Frame />
    </LocationProvider>
  );
}

function Frame() {
  const { path } = useLocation();
  const current = (href: string) => (href === '/console' ? path === '/console' || path === '/console/' : path.startsWith(href));
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <p class="brand">
          <a href="/console">NordicHub</a> <span>staff console</span>
        </p>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <a href={href} aria-current={current(href) ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="link" onClick={() => session.signOut()}>
          Sign out
        </button>
      </header>
      <main id="main">
        <VocabularyProvider>
          <Router>
            <Route path="/console" component={Dashboard} />
            <Route path="/console/companies" component={() => <EntityList type="company" />} />
            <Route path="/console/companies/:id" component={CompanyPage} />
            <Route path="/console/companies/:id/edit" component={(p: { id: string }) => <EditProfile type="company" id={p.id} />} />
            <Route path="/console/clusters" component={() => <EntityList type="cluster" />} />
            <Route path="/console/clusters/:id" component={ClusterPage} />
            <Route path="/console/clusters/:id/edit" component={(p: { id: string }) => <EditProfile type="cluster" id={p.id} />} />
            <Route path="/console/opportunities" component={() => <EntityList type="opportunity" />} />
            <Route path="/console/opportunities/:id" component={OpportunityPage} />
            <Route path="/console/opportunities/:id/edit" component={(p: { id: string }) => <EditProfile type="opportunity" id={p.id} />} />
            <Route path="/console/events" component={EventsPage} />
            <Route path="/console/events/:id" component={EventPage} />
            <Route path="/console/introductions" component={IntroductionsPage} />
            <Route path="/console/import" component={ImportPage} />
            <Route default component={NotFound} />
          </Router>
        </VocabularyProvider>
      </main>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <a href="/console">Back to the dashboard</a>
      </p>
    </>
  );
}

function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await checkKey(key.trim());
      session.signIn(key.trim());
      onSignedIn();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    document.title = 'Sign in · NordicHub staff console';
  }, []);
  return (
    <main id="main" class="sign-in">
      <h1>NordicHub staff console</h1>
      <form onSubmit={submit}>
        <div class="field">
          <label for="key">Staff key</label>
          <input id="key" type="password" autocomplete="current-password" required value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} aria-describedby="key-help" />
          <p id="key-help" class="hint">
            A staff or admin key. Staff keys come from <code>npm run keys -- create --role staff --label "Your name"</code>.
          </p>
        </div>
        <ProblemView error={error} title="Could not sign in." />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
