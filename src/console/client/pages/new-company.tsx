// Create a company: the edit form's fields plus the id, which is proposed from the name until
// staff type one of their own. Nothing is written unless the whole profile is valid; the
// service's field errors are shown next to their fields.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api';
import { PageTitle, ProblemView } from '../components/ui';
import { useAction } from '../hooks';
import { FieldControl, FIELDS, fieldOf, type FieldSpec, type Values } from './edit-profile';

const ID_FIELD: FieldSpec = {
  name: 'id',
  label: 'Id',
  control: 'text',
  required: true,
  hint: 'Letters, digits and . _ : - (up to 80). Proposed from the name; it cannot be changed later.',
};

/** "Heiðarmjólk ehf." -> "heidarmjolk-ehf": an id proposal staff may keep. */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[æ]/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .replace(/[ðđ]/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function NewCompany() {
  const { route, query } = useLocation();
  // A search that found nothing links here with its words as the name.
  const [values, setValues] = useState<Values>({ name: query['name'] ?? '', country: 'FI', sectors: [], partnerTypes: [], clusterIds: [] });
  const [idTyped, setIdTyped] = useState(false);
  const { busy, error, run } = useAction();
  const fieldErrors = new Map<string, string>();
  for (const e of error?.errors ?? []) fieldErrors.set(fieldOf(e.path), e.message);
  const id = idTyped ? String(values['id'] ?? '') : idFromName(String(values['name'] ?? ''));

  async function create(e: Event) {
    e.preventDefault();
    // Fields left empty are not sent: the service's defaults apply.
    const body = Object.fromEntries(Object.entries({ ...values, id }).filter(([, v]) => v !== null && v !== ''));
    const created = await run(() => api('POST', '/api/v1/companies', body));
    if (created) route(`/console/companies/${encodeURIComponent(id)}`);
  }

  return (
    <>
      <PageTitle text="New company" />
      <form class="edit" onSubmit={create} noValidate>
        {FIELDS.company.slice(0, 1).map((f) => (
          <FieldControl key={f.name} spec={f} value={values[f.name]} error={fieldErrors.get(f.name)} onChange={(v) => setValues({ ...values, [f.name]: v })} />
        ))}
        <FieldControl
          spec={ID_FIELD}
          value={id}
          error={fieldErrors.get('id')}
          onChange={(v) => {
            setIdTyped(true);
            setValues({ ...values, id: v });
          }}
        />
        {FIELDS.company.slice(1).map((f) => (
          <FieldControl key={f.name} spec={f} value={values[f.name]} error={fieldErrors.get(f.name)} onChange={(v) => setValues({ ...values, [f.name]: v })} />
        ))}
        <ProblemView error={error} title="Nothing was saved." />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create company'}
          </button>
          <a href="/console/companies">Cancel</a>
        </div>
      </form>
    </>
  );
}
