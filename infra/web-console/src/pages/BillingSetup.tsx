import { useEffect, useState } from 'react';
import { ApiError, get, put } from '../api';
import { Field, Loading, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { billingTypeName } from '../format';
import type { BillingDefaults, CustomerDetails, ElectronicAddress, Project } from '../model';
import { ProjectSettings } from './ProjectSettings';

/**
 * How each customer and project is billed, set up by a billing clerk or finance: payment terms, bill contact,
 * payment recipient and e-invoicing address per customer; per project what its billing type needs (order amount,
 * cap, billing calendar of terms, activity prices). Opened at a project from a review that needs it (#/setup/<project>).
 */
export function BillingSetup({ target }: { target?: string }) {
  const data = useLoad(async () => {
    const [customers, projects] = await Promise.all([get<CustomerDetails[]>('timesheet', '/customers'), get<Project[]>('timesheet', '/projects')]);
    return { customers, projects };
  }, []);
  const [customerId, setCustomerId] = useState('');
  const [projectId, setProjectId] = useState<string>();

  // a link from the review names a project: open it, with its customer
  useEffect(() => {
    const project = data.data?.projects.find((p) => p.id === target);
    if (project) {
      setCustomerId(project.customerId);
      setProjectId(project.id);
    }
  }, [target, data.data]);

  const customer = data.data?.customers.find((c) => c.id === customerId);
  const projects = data.data?.projects.filter((p) => p.customerId === customerId) ?? [];

  return (
    <section>
      <header className="page-header">
        <h1>Billing setup</h1>
        <p className="muted">How each customer is billed, and what each project's billing type needs before its first invoice.</p>
      </header>
      <ProblemBanner error={data.error} />
      {data.loading && !data.data && <Loading />}
      <div className="filters">
        <Field label="Customer" name="customer" error={undefined}>
          <select aria-label="Customer" value={customerId} onChange={(e) => { setCustomerId(e.target.value); setProjectId(undefined); }}>
            <option value="">Choose a customer…</option>
            {data.data?.customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
      </div>
      {customer && (
        <div className="setup">
          <div className="card">
            <h2>Projects of {customer.name}</h2>
            <table className="grid" aria-label="Projects">
              <thead><tr><th>Project</th><th>Billed</th><th /></tr></thead>
              <tbody>
                {projects.length === 0 && <tr><td colSpan={3} className="muted">No projects yet.</td></tr>}
                {projects.map((p) => (
                  <tr key={p.id} className={p.id === projectId ? 'selected' : ''}>
                    <td>{p.name} <span className="muted">{p.code}</span></td>
                    <td>{billingTypeName(p.billingType)}</td>
                    <td><button className="link" aria-label={`Set up ${p.name}`} onClick={() => setProjectId(p.id)}>Set up</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CustomerSettings key={customer.id} customer={customer} onSaved={data.reload} />
          <div className="setup-project">
            {projectId ? <ProjectSettings key={projectId} projectId={projectId} currency={customer.currency} onTypeChanged={data.reload} />
              : <p className="muted">Choose a project to set up how it is billed.</p>}
          </div>
        </div>
      )}
    </section>
  );
}

const SCHEMES: [string, string][] = [
  ['EM', 'E-mail'], ['0204', 'Leitweg-ID (German public sector)'], ['0088', 'GLN'], ['0060', 'DUNS'], ['9930', 'German VAT number'],
  ['0208', 'Belgian company number'], ['0007', 'Swedish organisation number'], ['0192', 'Norwegian organisation number'], ['9925', 'Belgian VAT number'],
];

/** Payment terms (kept by timesheets with the customer), bill contact and payment recipient (billing), e-invoicing address (invoices). */
function CustomerSettings({ customer, onSaved }: { customer: CustomerDetails; onSaved: () => void }) {
  const loaded = useLoad(async () => {
    const defaults = await get<BillingDefaults>('billing', `/customers/${customer.id}/billing-defaults`);
    const address = await get<ElectronicAddress>('invoice', `/customers/${customer.id}/e-invoicing`)
      .catch((e) => (e instanceof ApiError && e.problem.status === 404 ? null : Promise.reject(e)));
    return { defaults, address };
  }, [customer.id]);
  if (loaded.error) return <ProblemBanner error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  return <CustomerForm customer={customer} defaults={loaded.data.defaults} address={loaded.data.address} onSaved={onSaved} />;
}

function CustomerForm({ customer, defaults, address, onSaved }: { customer: CustomerDetails; defaults: BillingDefaults; address: ElectronicAddress | null; onSaved: () => void }) {
  const [terms, setTerms] = useState(String(customer.paymentTermsDays));
  const [contact, setContact] = useState({ name: defaults.billContact?.name ?? '', email: defaults.billContact?.email ?? '' });
  const [recipient, setRecipient] = useState({
    name: defaults.paymentRecipient?.name ?? '', iban: defaults.paymentRecipient?.iban ?? '', bic: defaults.paymentRecipient?.bic ?? '',
    bankName: defaults.paymentRecipient?.bankName ?? '',
  });
  const [eAddress, setEAddress] = useState({ scheme: address?.scheme ?? '', address: address?.address ?? '' });
  const action = useAction();
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaved(false);
    const done = await action.run(async () => {
      if (terms !== String(customer.paymentTermsDays)) {
        const { id: _id, ...details } = customer;
        await put('timesheet', `/customers/${customer.id}`, { ...details, paymentTermsDays: terms === '' ? null : Number(terms) });
      }
      await put('billing', `/customers/${customer.id}/billing-defaults`, {
        billContact: contact.name || contact.email ? { name: contact.name, email: contact.email || null } : null,
        paymentRecipient: recipient.name || recipient.iban ? {
          name: recipient.name, iban: recipient.iban || null, bic: recipient.bic || null, bankName: recipient.bankName || null,
        } : null,
      });
      if (eAddress.scheme || eAddress.address) await put('invoice', `/customers/${customer.id}/e-invoicing`, eAddress);
      return true;
    });
    if (done) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <div className="card" aria-label="Customer billing settings">
      <h2>Billing settings of {customer.name}</h2>
      <p className="muted">Every new invoice of the customer starts from these; the review can still change them for one invoice.</p>
      <Field label="Payment terms (days)" name="paymentTermsDays" error={action.error}>
        <input type="number" min={0} value={terms} onChange={(e) => setTerms(e.target.value)} />
      </Field>
      <fieldset>
        <legend>Bill contact</legend>
        <Field label="Name" name="billContact.name" error={action.error}><input value={contact.name} onChange={(e) => setContact({ ...contact, name: e.target.value })} /></Field>
        <Field label="E-mail" name="billContact.email" error={action.error}><input type="email" value={contact.email} onChange={(e) => setContact({ ...contact, email: e.target.value })} /></Field>
      </fieldset>
      <fieldset>
        <legend>Payment recipient (when not your own account)</legend>
        <Field label="Name" name="paymentRecipient.name" error={action.error}><input value={recipient.name} onChange={(e) => setRecipient({ ...recipient, name: e.target.value })} /></Field>
        <Field label="IBAN" name="paymentRecipient.iban" error={action.error}><input value={recipient.iban} onChange={(e) => setRecipient({ ...recipient, iban: e.target.value })} /></Field>
        <Field label="BIC" name="paymentRecipient.bic" error={action.error}><input value={recipient.bic} onChange={(e) => setRecipient({ ...recipient, bic: e.target.value })} /></Field>
        <Field label="Bank" name="paymentRecipient.bankName" error={action.error}><input value={recipient.bankName} onChange={(e) => setRecipient({ ...recipient, bankName: e.target.value })} /></Field>
      </fieldset>
      <fieldset>
        <legend>E-invoicing address (needed for XRechnung)</legend>
        <Field label="Scheme" name="scheme" error={action.error}>
          <select value={eAddress.scheme} onChange={(e) => setEAddress({ ...eAddress, scheme: e.target.value })}>
            <option value="">None</option>
            {SCHEMES.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </Field>
        <Field label="Electronic address" name="address" error={action.error}><input value={eAddress.address} onChange={(e) => setEAddress({ ...eAddress, address: e.target.value })} /></Field>
      </fieldset>
      <ProblemBanner error={action.error} />
      {saved && <p className="notice" role="status">Billing settings of {customer.name} saved.</p>}
      <div className="actions">
        <span className="muted">Tax rate {customer.taxRate}% · invoices in {customer.currency}</span>
        <button className="primary" disabled={action.busy} onClick={save}>Save billing settings</button>
      </div>
    </div>
  );
}
