import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { csrfToken, whoAmI } from './api';
import type { Me } from './api';
import { Dialog } from './components/Dialog';
import { ProblemBanner } from './components/Feedback';
import { reviewInProgress } from './components/leaving';
import { Approvals } from './pages/Approvals';
import { BillingRuns } from './pages/BillingRuns';
import { BillingSetup } from './pages/BillingSetup';
import { Catalog } from './pages/Catalog';
import { FrameOrders } from './pages/FrameOrders';
import { Invoices } from './pages/Invoices';
import { Receivables } from './pages/Receivables';
import { Review } from './pages/Review';
import './styles.css';

const SETS_UP = ['billing_clerk', 'finance'];
const may = (me: Me, roles: string[]) => roles.some((r) => me.roles.includes(r));

/**
 * Pages by hash route (#/invoices, #/setup/<project>): the gateway serves one index.html and needs no route table of
 * its own. What follows the page's name is its target.
 */
const PAGES = [
  { path: 'approvals', title: 'Approvals', roles: ['approver', 'auditor'], render: (me: Me) => <Approvals me={me} /> },
  { path: 'review', title: 'Billing review', roles: ['billing_clerk'], render: () => <Review /> },
  { path: 'billing-runs', title: 'Billing runs', roles: ['billing_clerk', 'finance', 'auditor'], render: (me: Me, target?: string) => <BillingRuns target={target} canStart={may(me, SETS_UP)} /> },
  { path: 'invoices', title: 'Invoices', roles: ['billing_clerk', 'finance', 'auditor'], render: (me: Me) => <Invoices me={me} /> },
  { path: 'frame-orders', title: 'Frame orders', roles: ['billing_clerk', 'finance', 'auditor'], render: (me: Me) => <FrameOrders canClose={may(me, ['finance'])} /> },
  { path: 'receivables', title: 'Receivables', roles: ['finance', 'auditor'], render: () => <Receivables /> },
  { path: 'setup', title: 'Billing setup', roles: SETS_UP, render: (_me: Me, target?: string) => <BillingSetup target={target} /> },
  { path: 'catalog', title: 'Catalog', roles: ['billing_clerk', 'finance', 'auditor'], render: (me: Me) => <Catalog canEdit={may(me, SETS_UP)} /> },
];

function useHashRoute(): string {
  const read = () => window.location.hash.replace(/^#\/?/, '');
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>();
  const [leavingFor, setLeavingFor] = useState<string>();
  const route = useHashRoute();

  useEffect(() => {
    whoAmI().then(setMe, setError);
    const signedOut = () => setMe(null);
    window.addEventListener('hourbill:signed-out', signedOut);
    return () => window.removeEventListener('hourbill:signed-out', signedOut);
  }, []);

  if (error) return <main className="center"><ProblemBanner error={error} /></main>;
  if (me === undefined) return <main className="center"><p className="muted">Loading…</p></main>;
  if (me === null) return <SignIn />;

  const mine = PAGES.filter((p) => may(me, p.roles));
  const [path, target] = route.split('/');
  const page = mine.find((p) => p.path === path) ?? mine[0];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Hourbill</div>
        {mine.map((p) => (
          <a key={p.path} href={`#/${p.path}`} className={p === page ? 'active' : ''} aria-current={p === page ? 'page' : undefined}
            onClick={(e) => {
              // leaving a review in progress asks first: keep it for later, or abandon it
              if (reviewInProgress.get() && p.path !== 'review') {
                e.preventDefault();
                setLeavingFor(p.path);
              }
            }}>{p.title}</a>
        ))}
        <div className="who">
          <strong>{me.name}</strong>
          <small>{me.roles.map((r) => r.replace('_', ' ')).join(', ')}</small>
          <button className="link" onClick={signOut}>Sign out</button>
        </div>
      </nav>
      <main className="content">{page ? page.render(me, target) : <p>Your roles ({me.roles.join(', ') || 'none'}) open no page here.</p>}</main>
      {leavingFor && <LeaveReview onDone={(go) => { setLeavingFor(undefined); if (go) window.location.hash = `#/${leavingFor}`; }} />}
    </div>
  );
}

/** Asked when the sidebar would leave a review in progress. */
function LeaveReview({ onDone }: { onDone: (go: boolean) => void }) {
  const review = reviewInProgress.get();
  return (
    <Dialog title="Leave the billing review?" onCancel={() => onDone(false)} cancel="Stay in the review">
      <p>The review of {review?.name} is not issued yet.</p>
      <div className="actions">
        <button onClick={() => { reviewInProgress.abandon(); onDone(true); }}>Abandon it</button>
        <button className="primary" onClick={() => { reviewInProgress.keep(); onDone(true); }}>Keep it for later</button>
      </div>
    </Dialog>
  );
}

function SignIn() {
  return (
    <main className="center sign-in">
      <div className="card">
        <div className="brand">Hourbill</div>
        <p>Month-end billing: approved hours to issued invoices.</p>
        <a className="button primary" href="oauth2/authorization/hourbill">Sign in</a>
      </div>
    </main>
  );
}

/** Sign-out is a POST with the CSRF token, so another site cannot sign people out. */
async function signOut() {
  const token = csrfToken();
  await fetch('logout', { method: 'POST', credentials: 'same-origin', headers: token ? { 'X-XSRF-TOKEN': token } : {} });
  window.location.hash = '';
  window.location.reload();
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
