// Key management for admins: create a staff or site key (its secret shown once, here only), list
// every key, revoke one. Revoking a staff key also ends the console sessions signed in with it.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { CodeSelect, Loading, PageTitle, ProblemView } from '../components/ui';
import { useAction, useApi } from '../hooks';
import { localDate } from '../labels';

interface ApiKey {
  id: string;
  role: string;
  label: string;
  origins: string[];
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const ROLES = ['staff', 'site'] as const;
const ROLE_LABEL: Record<string, string> = { staff: 'Staff (the console)', site: 'Site (the widget on a partner page)', admin: 'Admin' };

export function KeysPage() {
  const keys = useApi<{ items: ApiKey[] }>('/api/v1/keys');
  return (
    <>
      <PageTitle text="API keys" />
      <div class="two-cols">
        <section class="col" aria-labelledby="new-key">
          <h2 id="new-key">New key</h2>
          <CreateKey onCreated={keys.reload} />
        </section>
        <section class="col" aria-labelledby="key-list">
          <h2 id="key-list">Keys</h2>
          <ProblemView error={keys.error} />
          {keys.loading && <Loading what="keys" />}
          {keys.data && <KeyTable keys={keys.data.items} onRevoked={keys.reload} />}
        </section>
      </div>
    </>
  );
}

function CreateKey({ onCreated }: { onCreated(): Promise<void> }) {
  const [role, setRole] = useState<string>('staff');
  const [label, setLabel] = useState('');
  const [origins, setOrigins] = useState('');
  const [created, setCreated] = useState<{ key: ApiKey; secret: string } | undefined>();
  const { busy, error, run } = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    setCreated(undefined);
    const list = origins
      .split(/[\s,]+/)
      .map((o) => o.trim())
      .filter(Boolean);
    const done = await run(() =>
      api<{ key: ApiKey; secret: string }>('POST', '/api/v1/keys', { role, label: label.trim(), origins: role === 'site' ? list : [] }),
    );
    if (done) {
      setCreated(done);
      setLabel('');
      setOrigins('');
      await onCreated();
    }
  }
  return (
    <>
      <form onSubmit={submit}>
        <CodeSelect id="key-role" label="Role" codes={ROLES} names={(r) => ROLE_LABEL[r] ?? r} value={role} onChange={setRole} />
        <div class="field">
          <label for="key-label">Holder</label>
          <input
            id="key-label"
            required
            maxLength={200}
            value={label}
            onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
            aria-describedby="key-label-help"
          />
          <p id="key-label-help" class="hint">
            Who holds it: a person's name, or the partner site.
          </p>
        </div>
        {role === 'site' && (
          <div class="field">
            <label for="key-origins">Allowed origins</label>
            <textarea
              id="key-origins"
              rows={2}
              required
              value={origins}
              onInput={(e) => setOrigins((e.target as HTMLTextAreaElement).value)}
              aria-describedby="key-origins-help"
            />
            <p id="key-origins-help" class="hint">
              The partner pages the widget may run on, e.g. <code>https://partner.example</code>; one per line.
            </p>
          </div>
        )}
        <ProblemView error={error} title="No key created." />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {created && (
        <div class="secret" role="status">
          <p>
            Key <strong>{created.key.label}</strong> created. Copy its secret now: it is shown only this once.
          </p>
          <p>
            <label for="new-secret">Secret</label>
            <input id="new-secret" readOnly value={created.secret} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          </p>
        </div>
      )}
    </>
  );
}

function KeyTable({ keys, onRevoked }: { keys: ApiKey[]; onRevoked(): Promise<void> }) {
  const { busy, error, run } = useAction();
  const [revoked, setRevoked] = useState<string | undefined>();
  async function revoke(key: ApiKey) {
    if (!confirm(`Revoke the key of ${key.label} (${key.prefix}…)? Whoever uses it is locked out at once.`)) return;
    if (await run(() => api('DELETE', `/api/v1/keys/${key.id}`))) {
      setRevoked(`Key of ${key.label} revoked.`);
      await onRevoked();
    }
  }
  if (!keys.length) return <p class="muted">No stored keys yet (only the bootstrap admin key).</p>;
  return (
    <>
      <ProblemView error={error} title="Not revoked." />
      <p role="status">{revoked ?? ''}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Holder</th>
              <th scope="col">Role</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <th scope="row">
                  {k.label}
                  {k.origins.length > 0 && <span class="muted"> ({k.origins.join(', ')})</span>}
                </th>
                <td>{k.role}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{localDate(k.createdAt)}</td>
                <td>
                  {k.revokedAt ? (
                    `Revoked ${localDate(k.revokedAt)}`
                  ) : (
                    <button type="button" class="danger" disabled={busy} onClick={() => void revoke(k)} aria-label={`Revoke the key of ${k.label}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
