// Member lists from spreadsheets (CSV or XLSX): the service proposes a field for each column,
// staff correct the mapping, the preview shows the first rows and every problem by row and
// column, and only a file without problems can be imported, all of it at once.
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api';
import { ProblemView } from '../components/ui';
import { asApiError } from '../hooks';
import type { components } from '../../../api/generated/openapi-types';

type Schemas = components['schemas'];

type Preview = Schemas['SheetPreview'];
type Mapping = Preview['mapping'];
type Report = Schemas['ImportReport'];

const FIELD_LABELS: Record<string, string> = {
  skip: 'Not imported',
  id: 'Id',
  name: 'Name',
  country: 'Country (code: FI, SE, NO, DK, IS…)',
  description: 'Description',
  offers: 'Offers',
  needs: 'Needs',
  sectors: 'Sectors (codes, separated by ; or ,)',
  partnerTypes: 'Partner types (codes)',
  clusterIds: 'Cluster ids',
  language: 'Language (en, sv, fi…)',
  employees: 'Employees',
  website: 'Website',
  contactEmail: 'Contact e-mail (private)',
  contactPhone: 'Phone (private)',
  notes: 'Staff notes (private)',
};

const TEMPLATE = 'Id,Name,Country,Description,Offers,Needs,Sectors,Employees,Website,Email,Phone\n';

/** The file as base64, as the service takes it: spreadsheets are binary. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function SheetImport() {
  const [sheet, setSheet] = useState<{ name: string; format: 'csv' | 'xlsx'; content: string } | undefined>();
  const [preview, setPreview] = useState<Preview | undefined>();
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function call<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (err) {
      setError(asApiError(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function choose(file: File | undefined) {
    setPreview(undefined);
    setReport(undefined);
    if (!file) return;
    const next = { name: file.name, format: /\.xlsx$/i.test(file.name) ? ('xlsx' as const) : ('csv' as const), content: await base64Of(file) };
    setSheet(next);
    setPreview(await call(() => api<Preview>('POST', '/api/v1/import/sheet/preview', { format: next.format, content: next.content })));
  }

  async function remap(column: string, field: string) {
    if (!sheet || !preview) return;
    const mapping = { ...preview.mapping, [column]: field } as Mapping;
    setPreview(await call(() => api<Preview>('POST', '/api/v1/import/sheet/preview', { format: sheet.format, content: sheet.content, mapping })));
  }

  async function importAll() {
    if (!sheet || !preview) return;
    setReport(await call(() => api<Report>('POST', '/api/v1/import/sheet', { format: sheet.format, content: sheet.content, mapping: preview.mapping })));
  }

  const fields = Object.keys(FIELD_LABELS);
  const shownFields = preview ? fields.filter((f) => Object.values(preview.mapping).includes(f as never)) : [];
  const problemAt = new Map((preview?.problems ?? []).map((p) => [`${p.row}:${p.field}`, p.message]));
  return (
    <section aria-labelledby="sheet-title" class="sheet-import">
      <h2 id="sheet-title">Member list from a spreadsheet</h2>
      <p>
        A CSV or Excel (XLSX) file with one company per row and a header row. Choose the field each column holds; the preview shows every problem before
        anything is written, and the file is imported only when every row is valid.{' '}
        <a download="nordichub-members-template.csv" href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}>
          Download a template
        </a>
        .
      </p>
      <div class="field">
        <label for="sheet-file">Spreadsheet (CSV or XLSX)</label>
        <input
          id="sheet-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose((e.target as HTMLInputElement).files?.[0])}
        />
      </div>
      <ProblemView error={error} title="Nothing was imported." />
      {preview && (
        <>
          <h3>Columns</h3>
          <div class="table-wrap">
            <table class="list mapping">
              <caption class="visually-hidden">Column mapping</caption>
              <thead>
                <tr>
                  <th scope="col">Column in {sheet?.name}</th>
                  <th scope="col">Imported as</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c, i) => (
                  <tr key={c}>
                    <th scope="row">
                      <label for={`map-${i}`}>{c}</label>
                    </th>
                    <td>
                      <select
                        id={`map-${i}`}
                        disabled={busy}
                        value={preview.mapping[c] ?? 'skip'}
                        onChange={(e) => void remap(c, (e.target as HTMLSelectElement).value)}
                      >
                        {fields.map((f) => (
                          <option key={f} value={f}>
                            {FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>
            Preview: {preview.rows} {preview.rows === 1 ? 'row' : 'rows'}
          </h3>
          <div class="table-wrap">
            <table class="list preview">
              <caption class="visually-hidden">The first rows as they would be imported</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  {shownFields.map((f) => (
                    <th scope="col" key={f}>
                      {FIELD_LABELS[f]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 2}</th>
                    {shownFields.map((f) => {
                      const problem = problemAt.get(`${i + 2}:${f}`);
                      const v = r[f];
                      return (
                        <td key={f} class={problem ? 'cell-problem' : undefined}>
                          {Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v)}
                          {problem && <span class="field-error"> {problem}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.problems.length > 0 ? (
            <div class="problem" role="alert">
              <p>
                <strong>
                  {preview.problems.length} {preview.problems.length === 1 ? 'problem' : 'problems'}: nothing can be imported until the file is fixed.
                </strong>
              </p>
              <ul>
                {preview.problems.map((p) => (
                  <li key={`${p.row}:${p.field}`}>
                    Row {p.row}
                    {p.column ? `, column “${p.column}”` : ''} ({p.field}): {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p role="status">Every row is valid.</p>
          )}
          <button type="button" disabled={busy || !preview.valid} onClick={() => void importAll()}>
            {busy ? 'Working…' : `Import ${preview.rows} ${preview.rows === 1 ? 'company' : 'companies'}`}
          </button>
        </>
      )}
      {report && (
        <p role="status" class="sheet-report">
          Imported: {report.companies.created} new, {report.companies.updated} updated companies.
        </p>
      )}
    </section>
  );
}
