// Edit a company, cluster or opportunity: one form driven by a field list per kind; only the
// changed fields are sent, and the service's field errors are shown next to their fields. The
// save names the version the form was loaded from: if someone else saved meanwhile, nothing is
// overwritten and staff are offered a reload.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ifMatch, type Page } from '../api';
import { PageState, PageTitle, ProblemView } from '../components/ui';
import { KINDS, type EntityType } from '../entities';
import { useAction, useApi } from '../hooks';
import { codeLabel, countryName, LANGUAGE_NAMES } from '../labels';
import type { Cluster, Vocabulary } from '../types';
import { useVocabulary } from '../vocabulary';

type Control = 'text' | 'textarea' | 'select' | 'checkboxes' | 'number' | 'email' | 'url' | 'date' | 'tel' | 'clusters';

export interface FieldSpec {
  name: string;
  label: string;
  control: Control;
  codes?: keyof Vocabulary;
  /** Empty means "not given" (null) rather than an empty text. */
  nullable?: boolean;
  required?: boolean;
  hint?: string;
}

export const FIELDS: Record<EntityType, FieldSpec[]> = {
  company: [
    { name: 'name', label: 'Name', control: 'text', required: true },
    { name: 'country', label: 'Country', control: 'select', codes: 'countries', required: true },
    { name: 'description', label: 'Description', control: 'textarea', required: true, hint: 'What the company does, in any Nordic language or English.' },
    { name: 'offers', label: 'Offers', control: 'textarea', hint: 'What it can offer a partner.' },
    { name: 'needs', label: 'Needs', control: 'textarea', hint: 'What it is looking for.' },
    { name: 'sectors', label: 'Sectors', control: 'checkboxes', codes: 'sectors' },
    { name: 'partnerTypes', label: 'Looking for partners of these types', control: 'checkboxes', codes: 'partnerTypes' },
    { name: 'clusterIds', label: 'Clusters', control: 'clusters' },
    { name: 'language', label: 'Language of the texts', control: 'select', codes: 'languages', nullable: true },
    { name: 'employees', label: 'Employees', control: 'number', nullable: true },
    { name: 'website', label: 'Website', control: 'url', nullable: true },
    { name: 'contactEmail', label: 'Contact e-mail (private)', control: 'email', nullable: true },
    { name: 'contactPhone', label: 'Phone (private)', control: 'tel', nullable: true },
    { name: 'notes', label: 'Staff notes (private)', control: 'textarea', nullable: true },
  ],
  cluster: [
    { name: 'name', label: 'Name', control: 'text', required: true },
    { name: 'country', label: 'Country', control: 'select', codes: 'countries', required: true },
    { name: 'description', label: 'Description', control: 'textarea', required: true },
    { name: 'sectors', label: 'Sectors', control: 'checkboxes', codes: 'sectors' },
    { name: 'website', label: 'Website', control: 'url', nullable: true },
  ],
  opportunity: [
    { name: 'title', label: 'Title', control: 'text', required: true },
    { name: 'country', label: 'Country', control: 'select', codes: 'countries', required: true },
    { name: 'type', label: 'Type', control: 'select', codes: 'opportunityTypes', required: true },
    { name: 'description', label: 'Description', control: 'textarea', required: true },
    { name: 'sectors', label: 'Sectors', control: 'checkboxes', codes: 'sectors' },
    { name: 'deadline', label: 'Deadline', control: 'date', nullable: true },
    { name: 'url', label: 'Link', control: 'url', nullable: true },
  ],
};

export type Values = Record<string, unknown>;

/** `body.sectors[2]` and `sectors` both belong to the field `sectors`. */
export const fieldOf = (path: string) => path.replace(/^(body|patch)\.?/, '').split(/[.[]/)[0] ?? '';

export function EditProfile({ type, id }: { type: EntityType; id: string }) {
  const kind = KINDS[type];
  const url = `${kind.apiPath}/${encodeURIComponent(id)}`;
  const loaded = useApi<Values>(url);
  const [values, setValues] = useState<Values | undefined>();
  const { busy, error, run } = useAction();
  const { route } = useLocation();
  useEffect(() => setValues(loaded.data), [loaded.data]);

  if (!loaded.data || !values) return <PageState title={`Edit ${kind.title.toLowerCase()}`} error={loaded.error} what="the profile" />;
  const original = loaded.data;
  const fieldErrors = new Map<string, string>();
  for (const e of error?.errors ?? []) fieldErrors.set(fieldOf(e.path), e.message);

  async function save(e: Event) {
    e.preventDefault();
    const changed = Object.fromEntries(
      FIELDS[type].filter((f) => JSON.stringify(values![f.name]) !== JSON.stringify(original[f.name])).map((f) => [f.name, values![f.name]]),
    );
    const saved = await run(() => api('PATCH', url, changed, ifMatch(original['version'])));
    if (saved) route(`${kind.pagePath}/${encodeURIComponent(id)}`);
  }

  // Running the reload as the form's action also clears the stale notice.
  const reload = () => void run(() => loaded.reload());

  return (
    <>
      <PageTitle text={`Edit ${kind.nameOf(original)}`} />
      <form class="edit" onSubmit={save} noValidate>
        {FIELDS[type].map((f) => (
          <FieldControl key={f.name} spec={f} value={values[f.name]} error={fieldErrors.get(f.name)} onChange={(v) => setValues({ ...values, [f.name]: v })} />
        ))}
        {error?.status === 412 ? (
          <ChangedMeanwhile what={kind.title.toLowerCase()} onReload={reload} />
        ) : (
          <ProblemView error={error} title="Nothing was saved." />
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <a href={`${kind.pagePath}/${encodeURIComponent(id)}`}>Cancel</a>
        </div>
      </form>
    </>
  );
}

/** Someone else saved the profile after this form loaded it (412): their changes are kept. */
function ChangedMeanwhile({ what, onReload }: { what: string; onReload(): void }) {
  return (
    <div class="problem" role="alert">
      <p>
        <strong>Someone else changed this {what} meanwhile.</strong> Nothing was saved, so their changes are kept. Reload to see the current profile, then make
        your changes again.
      </p>
      <button type="button" onClick={onReload}>
        Reload the profile
      </button>
    </div>
  );
}

export function FieldControl({ spec, value, error, onChange }: { spec: FieldSpec; value: unknown; error: string | undefined; onChange(v: unknown): void }) {
  const vocabulary = useVocabulary();
  const id = `f-${spec.name}`;
  const describedBy = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: spec.name, required: spec.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const text = (v: string) => onChange(spec.nullable && v.trim() === '' ? null : v);
  const help = (
    <>
      {spec.hint && (
        <p id={`${id}-hint`} class="hint">
          {spec.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </>
  );
  if (spec.control === 'checkboxes' || spec.control === 'clusters') {
    return (
      <Checkboxes
        spec={spec}
        codes={spec.codes ? vocabulary[spec.codes] : undefined}
        value={(value as string[]) ?? []}
        onChange={onChange}
        help={help}
        describedBy={describedBy}
      />
    );
  }
  let input: JSX.Element;
  if (spec.control === 'textarea')
    input = <textarea {...common} rows={4} value={(value as string | null) ?? ''} onInput={(e) => text((e.target as HTMLTextAreaElement).value)} />;
  else if (spec.control === 'select') {
    const names = spec.codes === 'countries' ? countryName : spec.codes === 'languages' ? (c: string) => LANGUAGE_NAMES[c] ?? c : codeLabel;
    input = (
      <select {...common} value={(value as string | null) ?? ''} onChange={(e) => text((e.target as HTMLSelectElement).value)}>
        {spec.nullable && <option value="">Not given</option>}
        {vocabulary[spec.codes!].map((c) => (
          <option key={c} value={c}>
            {names(c)}
          </option>
        ))}
      </select>
    );
  } else if (spec.control === 'number') {
    input = (
      <input
        {...common}
        type="number"
        min={0}
        value={value === null || value === undefined ? '' : String(value)}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          onChange(v === '' ? null : Number(v));
        }}
      />
    );
  } else input = <input {...common} type={spec.control} value={(value as string | null) ?? ''} onInput={(e) => text((e.target as HTMLInputElement).value)} />;
  return (
    <div class="field">
      <label for={id}>
        {spec.label}
        {spec.required && <span aria-hidden="true"> *</span>}
      </label>
      {input}
      {help}
    </div>
  );
}

function Checkboxes(props: {
  spec: FieldSpec;
  codes: readonly string[] | undefined;
  value: string[];
  onChange(v: string[]): void;
  help: preact.ComponentChildren;
  describedBy: string | undefined;
}) {
  const clusters = useApi<Page<Cluster>>(props.spec.control === 'clusters' ? '/api/v1/clusters?limit=500' : null);
  const options = props.codes
    ? props.codes.map((c) => ({ code: c, label: codeLabel(c) }))
    : (clusters.data?.items ?? []).map((c) => ({ code: c.id, label: `${c.name} (${c.country})` }));
  const toggle = (code: string, on: boolean) => props.onChange(on ? [...props.value, code] : props.value.filter((v) => v !== code));
  return (
    <fieldset class="checkboxes" aria-describedby={props.describedBy}>
      <legend>{props.spec.label}</legend>
      <div class="options">
        {options.map((o) => (
          <label key={o.code}>
            <input type="checkbox" checked={props.value.includes(o.code)} onChange={(e) => toggle(o.code, (e.target as HTMLInputElement).checked)} /> {o.label}
          </label>
        ))}
      </div>
      {props.help}
    </fieldset>
  );
}
