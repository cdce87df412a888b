// The console's frame: sign-in with a staff key (exchanged for a session cookie every tab shares),
// the navigation with its badge of new introductions, and one route per page.
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { session, type Me } from './api';
import { asApiError, useApi } from './hooks';
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
import { KeysPage } from './pages/keys';
import type { ApiError, Page } from './api';
import type { Introduction } from './types';

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
  // undefined while asking the service whether this browser is signed in already (another tab).
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [reason, setReason] = useState<string | undefined>();
  useEffect(() => {
    session.current().then(setMe, () => setMe(null));
    return session.onSignOut((why) => {
      setReason(why);
      setMe(null);
    });
  }, []);
  if (me === undefined) return <p class="boot">Loading the staff console…</p>;
  if (me === null) return <SignIn reason={reason} onSignedIn={setMe} />;
  return (
    <LocationProvider scope="/console">
      <Frame me={me} />
    </LocationProvider>
  );
}

/** How many introduction requests wait for staff, read again on each navigation. */
function useNewIntroductions(path: string): number | undefined {
  const waiting = useApi<Page<Introduction>>('/api/v1/introductions?status=new&limit=1');
  const { reload } = waiting;
  useEffect(() => {
    void reload();
  }, [path, reload]);
  return waiting.data?.total;
}

function Frame({ me }: { me: Me }) {
  const { path } = useLocation();
  const waiting = useNewIntroductions(path);
  const nav = me.role === 'admin' ? [...NAV, ['/console/keys', 'Keys'] as const] : NAV;
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
            {nav.map(([href, label]) => (
              <li key={href}>
                <a href={href} aria-current={current(href) ? 'page' : undefined}>
                  {label}
                </a>
                {/* Beside the link, not in it: the link keeps its name, the count is read after it. */}
                {href === '/console/introductions' && waiting ? (
                  <span class="count-badge" data-testid="new-introductions">
                    {waiting}
                    <span class="visually-hidden"> new</span>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="link" onClick={() => void session.signOut()}>
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
              <Route path="/console/keys" component={me.role === 'admin' ? KeysPage : NotFound} />
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

function SignIn({ reason, onSignedIn }: { reason: string | undefined; onSignedIn(me: Me): void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await session.signIn(key.trim()));
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
            Your own staff key, from an admin (the console's Keys page) or <code>npm run keys -- create --role staff --label "Your name"</code>. An admin key
            works too, but keep it for administration. It is sent once; this browser then stays signed in for 12 hours, in every tab.
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
