// Many participants at once: paste names or upload a CSV, review what each line matched (best
// company, alternatives, or a new company from a short form), then add all chosen in one go.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ProblemView } from '../components/ui';
import { useAnnounce } from '../announcer';
import { useAction } from '../hooks';
import { COUNTRY_NAMES, percent } from '../labels';
import { namesFromCsv, namesFromLines } from '../csv-names';
import type { BulkAdded, MatchCandidate, ParticipantMatches } from '../event-types';
import { idSlug } from '../id-slug';

/** A best match at least this close is chosen for staff; below it they pick or create. */
const SURE_SCORE = 0.6;
const MAX_LINES = 500;

type Choice = { kind: 'company'; companyId: string } | { kind: 'create'; country: string; description: string } | { kind: 'skip' };
interface ReviewRow {
  line: string;
  candidates: MatchCandidate[];
  choice: Choice;
}

function firstChoice(candidates: MatchCandidate[]): Choice {
  const best = candidates[0];
  return best && best.score >= SURE_SCORE ? { kind: 'company', companyId: best.companyId } : { kind: 'create', country: 'FI', description: '' };
}

export function BulkAdd({ base, registered, onAdded }: { base: string; registered: Set<string>; onAdded(): Promise<void> }) {
  const [text, setText] = useState('');
  const [rows, setRows] = useState<ReviewRow[] | null>(null);
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const match = (names: string[]) =>
    run(async () => {
      const lines = names.slice(0, MAX_LINES);
      const { matches } = await api<ParticipantMatches>('POST', `${base}/participants/match`, { lines });
      setRows(matches.map((m) => ({ ...m, choice: firstChoice(m.candidates) })));
      announce(`${matches.length} names matched: review the choices below, then add them.`);
    });
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const names = namesFromCsv(await file.text());
    setText(names.join('\n'));
    await match(names);
  };
  const setChoice = (i: number, choice: Choice) => setRows((all) => all?.map((r, j) => (j === i ? { ...r, choice } : r)) ?? null);
  return (
    <details class="bulk-add">
      <summary>Add many companies</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void match(namesFromLines(text));
        }}
      >
        <div class="field">
          <label for="bulk-names">Company names, one per line</label>
          <textarea id="bulk-names" rows={6} value={text} aria-describedby="bulk-hint" onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          <p class="hint" id="bulk-hint">
            Nordic letters and accents are optional ("Laxoga" finds "Laxøga"); up to {MAX_LINES} lines.
          </p>
        </div>
        <div class="field">
          <label for="bulk-csv">Or a CSV file (first column: name)</label>
          <input id="bulk-csv" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.target as HTMLInputElement)} />
        </div>
        <button type="submit" disabled={busy || !text.trim()}>
          Match names
        </button>
      </form>
      <ProblemView error={error} title="Nothing was added." />
      {rows && (
        <Review
          rows={rows}
          registered={registered}
          onChoice={setChoice}
          busy={busy}
          onAdd={() =>
            run(async () => {
              const summary = await addChosen(base, rows);
              setRows(null);
              setText('');
              await onAdded();
              announce(summary);
            })
          }
        />
      )}
    </details>
  );
}

/** Existing companies in one all-or-nothing call, then each new company created and registered. */
async function addChosen(base: string, rows: ReviewRow[]): Promise<string> {
  const companyIds = rows.flatMap((r) => (r.choice.kind === 'company' ? [r.choice.companyId] : []));
  const result: BulkAdded = companyIds.length ? await api<BulkAdded>('POST', `${base}/participants/bulk`, { companyIds }) : { added: [], skipped: [] };
  let created = 0;
  for (const r of rows) {
    if (r.choice.kind !== 'create') continue;
    const company = { id: idSlug(r.line), name: r.line, country: r.choice.country, description: r.choice.description || r.line };
    await api('POST', `${base}/participants`, { company });
    created++;
  }
  const skipped = result.skipped.length ? `; ${result.skipped.length} skipped (already registered or listed twice)` : '';
  const total = result.added.length + created;
  return `${total} ${total === 1 ? 'company' : 'companies'} added${created ? ` (${created} new)` : ''}${skipped}.`;
}

function Review(props: { rows: ReviewRow[]; registered: Set<string>; busy: boolean; onChoice(i: number, c: Choice): void; onAdd(): void }) {
  const adding = props.rows.filter((r) => r.choice.kind !== 'skip').length;
  return (
    <div class="review">
      <h3 id="bulk-review">Review the matches</h3>
      <div class="table-wrap">
        <table class="list">
          <caption class="visually-hidden">Each pasted line and the company it will add</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Add</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r, i) => (
              <ReviewLine key={i} index={i} row={r} registered={props.registered} onChoice={(c) => props.onChoice(i, c)} />
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" disabled={props.busy || adding === 0} onClick={props.onAdd}>
        {props.busy ? 'Adding…' : `Add ${adding} ${adding === 1 ? 'company' : 'companies'}`}
      </button>
    </div>
  );
}

function ReviewLine({ index, row, registered, onChoice }: { index: number; row: ReviewRow; registered: Set<string>; onChoice(c: Choice): void }) {
  const id = `bulk-choice-${index}`;
  const value = row.choice.kind === 'company' ? row.choice.companyId : row.choice.kind === 'create' ? ':create' : ':skip';
  const pick = (v: string) =>
    onChoice(v === ':skip' ? { kind: 'skip' } : v === ':create' ? { kind: 'create', country: 'FI', description: '' } : { kind: 'company', companyId: v });
  const create = row.choice.kind === 'create' ? row.choice : null;
  return (
    <tr>
      <th scope="row">{row.line}</th>
      <td>
        <label class="visually-hidden" for={id}>
          Company for “{row.line}”
        </label>
        <select id={id} value={value} onChange={(e) => pick((e.target as HTMLSelectElement).value)}>
          {row.candidates.map((c) => (
            <option key={c.companyId} value={c.companyId}>
              {c.name} ({c.country}, {percent(c.score)}){registered.has(c.companyId) ? ' – registered' : ''}
            </option>
          ))}
          <option value=":create">Create a new company “{row.line}”</option>
          <option value=":skip">Skip this line</option>
        </select>
        {!row.candidates.length && <p class="hint">No company with a close name.</p>}
        {create && (
          <div class="row new-company">
            <div class="field">
              <label for={`${id}-country`}>Country of “{row.line}”</label>
              <select id={`${id}-country`} value={create.country} onChange={(e) => onChoice({ ...create, country: (e.target as HTMLSelectElement).value })}>
                {Object.entries(COUNTRY_NAMES).map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${id}-description`}>What “{row.line}” does</label>
              <input
                id={`${id}-description`}
                value={create.description}
                onInput={(e) => onChoice({ ...create, description: (e.target as HTMLInputElement).value })}
              />
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}
