// The console's frame: sign-in with a staff key, the navigation, and one route per page.
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { checkKey, session } from './api';
import { asApiError } from './hooks';
import { ProblemView } from './components/ui';
import { VocabularyProvider } from './vocabulary';
import { Announcer } from './announcer';
import { Dashboard } from './pages/dashboard';
import { EntityList } from './pages/entity-list';
import { CompanyPage } from './pages/company';
import { ClusterPage } from './pages/cluster';
import { OpportunityPage } from './pages/opportunity';
import { NewCompany } from './pages/new-company';
import { EditProfile } from './pages/edit-profile';
import { EventsPage } from './pages/events';
import { EventPage } from './pages/event';
import { EventHandouts } from './pages/event-handouts';
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

// Defined once, not inline in the router: a new component on every render would remount the page
// (and move focus to its heading) at each filter change.
const CompanyList = () => <EntityList type="company" />;
const ClusterList = () => <EntityList type="cluster" />;
const OpportunityList = () => <EntityList type="opportunity" />;
const CompanyEdit = ({ id }: { id: string }) => <EditProfile key={id} type="company" id={id} />;
const ClusterEdit = ({ id }: { id: string }) => <EditProfile key={id} type="cluster" id={id} />;
const OpportunityEdit = ({ id }: { id: string }) => <EditProfile key={id} type="opportunity" id={id} />;

/** A fresh page per id: going from one company to another keeps nothing of the first. */
function keyedById<P extends { id: string }>(Page: (props: P) => preact.JSX.Element | null) {
  return (props: P) => <Page key={props.id} {...props} />;
}

const CompanyPageById = keyedById(CompanyPage);
const ClusterPageById = keyedById(ClusterPage);
const OpportunityPageById = keyedById(OpportunityPage);
const EventPageById = keyedById(EventPage);
const EventHandoutsById = keyedById(EventHandouts);

export function App() {
  const [signedIn, setSignedIn] = useState(session.key !== null);
  const [reason, setReason] = useState<string | undefined>();
  useEffect(
    () =>
      session.onSignOut((why) => {
        setReason(why);
        setSignedIn(false);
      }),
    [],
  );
  if (!signedIn) return <SignIn reason={reason} onSignedIn={() => setSignedIn(true)} />;
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
        <Announcer>
          <VocabularyProvider>
            <Router>
              <Route path="/console" component={Dashboard} />
              <Route path="/console/companies" component={CompanyList} />
              <Route path="/console/companies/new" component={NewCompany} />
              <Route path="/console/companies/:id" component={CompanyPageById} />
              <Route path="/console/companies/:id/edit" component={CompanyEdit} />
              <Route path="/console/clusters" component={ClusterList} />
              <Route path="/console/clusters/:id" component={ClusterPageById} />
              <Route path="/console/clusters/:id/edit" component={ClusterEdit} />
              <Route path="/console/opportunities" component={OpportunityList} />
              <Route path="/console/opportunities/:id" component={OpportunityPageById} />
              <Route path="/console/opportunities/:id/edit" component={OpportunityEdit} />
              <Route path="/console/events" component={EventsPage} />
              <Route path="/console/events/:id" component={EventPageById} />
              <Route path="/console/events/:id/print" component={EventHandoutsById} />
              <Route path="/console/introductions" component={IntroductionsPage} />
              <Route path="/console/import" component={ImportPage} />
              <Route default component={NotFound} />
            </Router>
          </VocabularyProvider>
        </Announcer>
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

function SignIn({ reason, onSignedIn }: { reason: string | undefined; onSignedIn(): void }) {
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
      {reason && (
        <p class="problem" role="alert">
          {reason}
        </p>
      )}
      <form onSubmit={submit}>
        <div class="field">
          <label for="key">Staff key</label>
          <input
            id="key"
            type="password"
            autocomplete="current-password"
            required
            value={key}
            onInput={(e) => setKey((e.target as HTMLInputElement).value)}
            aria-describedby="key-help"
          />
          <p id="key-help" class="hint">
            Your own staff key, from <code>npm run keys -- create --role staff --label "Your name"</code>. An admin key works too, but keep it for
            administration.
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
