// Small building blocks shared by the pages.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api';
import { codeLabel, countryName, percent, strengthLabel } from '../labels';

/** The page's heading: names the page for screen readers and takes focus after navigation. */
export function PageTitle({ children, text }: { children?: ComponentChildren; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${text} · NordicHub staff console`;
    ref.current?.focus();
  }, [text]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children ?? text}
    </h1>
  );
}

/** A problem from the service, with every field it names: readable, and announced. */
export function ProblemView({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{title ?? 'That did not work.'}</strong> {error.detail}
      </p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** A score as a bar, its percentage and the strength in words (never colour alone). */
export function ScoreBar({ score, strength }: { score: number; strength: string }) {
  return (
    <div class="score">
      <meter min={0} max={1} value={score} aria-label={`Score ${percent(score)}`} />
      <span>
        {percent(score)} · {strengthLabel(strength)}
      </span>
    </div>
  );
}

export function Tags({ codes, label }: { codes: readonly string[]; label: string }) {
  if (!codes.length) return null;
  return (
    <ul class="tags" aria-label={label}>
      {codes.map((c) => (
        <li key={c}>{codeLabel(c)}</li>
      ))}
    </ul>
  );
}

export function Country({ code }: { code: string }) {
  return (
    <span class="country" title={countryName(code)}>
      <abbr title={countryName(code)}>{code}</abbr>
    </span>
  );
}

export function Reasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <ul class="reasons">
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** Previous / next through a list the service pages. */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange(offset: number): void }) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span aria-live="polite">
        Page {page} of {pages}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}

/** A select of codes with readable labels and an "any" choice. */
export function CodeSelect(props: {
  id: string;
  label: string;
  codes: readonly string[];
  value: string;
  onChange(v: string): void;
  any?: string;
  names?: (c: string) => string;
}) {
  const name = props.names ?? codeLabel;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.codes.map((c) => (
          <option key={c} value={c}>
            {name(c)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A profile page's heading with its country, and the way to edit it or back to its list. */
export function ProfileHeader({
  title,
  country,
  editHref,
  listHref,
  listLabel,
}: {
  title: string;
  country: string;
  editHref: string;
  listHref: string;
  listLabel: string;
}) {
  return (
    <>
      <PageTitle text={title}>
        {title} <Country code={country} />
      </PageTitle>
      <p class="actions">
        <a class="button" href={editHref}>
          Edit profile
        </a>
        <a href={listHref}>{listLabel}</a>
      </p>
    </>
  );
}

/** One scored match as a card: name (linked when it has a page), country, score, reasons. */
export function MatchCard(props: {
  name: string;
  country: string;
  href?: string;
  score: number;
  strength: string;
  reasons: readonly string[];
  children?: ComponentChildren;
}) {
  return (
    <li class="card">
      <h3>
        {props.href ? <a href={props.href}>{props.name}</a> : props.name} <Country code={props.country} />
      </h3>
      <ScoreBar score={props.score} strength={props.strength} />
      <Reasons reasons={props.reasons} />
      {props.children}
    </li>
  );
}

/** A page whose main data is not here yet, or could not be loaded: still a titled page. */
export function PageState({ title, error, what }: { title: string; error: ApiError | undefined; what: string }) {
  return (
    <>
      <PageTitle text={error ? `${title}: not available` : title} />
      {error ? <ProblemView error={error} title={`Could not open ${what}.`} /> : <Loading what={what} />}
    </>
  );
}
