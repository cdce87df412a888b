// Browse companies, clusters or opportunities: words, country, sector (and cluster for
// companies); the filters live in the address so a search can be bookmarked and shared.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { queryString, type Page } from '../api';
import { CodeSelect, Country, Loading, PageTitle, Pager, ProblemView, Tags } from '../components/ui';
import { KINDS, type EntityType } from '../entities';
import { useApi } from '../hooks';
import { codeLabel, countryName } from '../labels';
import type { Cluster, Company, Opportunity } from '../types';
import { useVocabulary } from '../vocabulary';

const LIMIT = 25;

/** What the company search adds to a page: how the companies were found, and a hint when nothing had the words. */
interface SearchFacts {
  matchedBy: 'words' | 'meaning' | 'none';
  sectors: string[];
  similarity: { id: string; similarity: number }[];
  hint: string | null;
}

const closeness = (similarity: number | undefined) => (similarity === undefined ? '' : `${Math.round(similarity * 100)}%`);

/** How many were found and how; when nothing had the words, what to try and a link to create the company. */
function SearchStatus({ type, facts, words }: { type: EntityType; facts: Page<unknown> & Partial<SearchFacts>; words: string | undefined }) {
  const kind = KINDS[type];
  const noun = facts.total === 1 ? kind.title.toLowerCase() : kind.plural.toLowerCase();
  const create = type === 'company' && (
    <a href={`/console/companies/new${queryString({ name: words?.trim() || undefined })}`}>Create a company{words?.trim() ? ` named “${words.trim()}”` : ''}</a>
  );
  if (facts.matchedBy === 'meaning') {
    return (
      <div role="status" class="search-hint">
        <p>
          <strong>No {kind.title.toLowerCase()} has these words.</strong> Closest in meaning ({facts.total}), by their profiles — check the spelling or try
          other words.
        </p>
        <p>{create}</p>
      </div>
    );
  }
  if (facts.total === 0) {
    return (
      <div role="status" class="search-hint">
        <p>
          <strong>No {kind.plural.toLowerCase()} found.</strong> {facts.hint ?? 'Check the spelling, try fewer words or clear a filter.'}
        </p>
        {create && <p>{create}</p>}
      </div>
    );
  }
  const sectors = facts.sectors?.length ? ` (words or sector: ${facts.sectors.map(codeLabel).join(', ')})` : '';
  return (
    <p role="status" class="muted">
      {facts.total.toLocaleString('en-GB')} {noun} found{sectors}
    </p>
  );
}

export function EntityList({ type }: { type: EntityType }) {
  const kind = KINDS[type];
  const { query, route, path } = useLocation();
  const vocabulary = useVocabulary();
  const [words, setWords] = useState(query['q'] ?? '');
  const offset = Number(query['offset'] ?? 0) || 0;
  const filters = { q: query['q'], country: query['country'], sector: query['sector'], cluster: type === 'company' ? query['cluster'] : undefined };
  // Companies searched by words go to the search that knows stems, sector names and meaning.
  const searching = type === 'company' && Boolean(filters.q?.trim());
  const listPath = searching ? '/api/v1/search/companies' : kind.apiPath;
  const page = useApi<Page<Company | Cluster | Opportunity> & Partial<SearchFacts>>(`${listPath}${queryString({ ...filters, limit: LIMIT, offset })}`);
  const clusters = useApi<Page<Cluster>>(type === 'company' ? '/api/v1/clusters?limit=500' : null);
  const go = (change: Record<string, string | number | undefined>) => route(`${path}${queryString({ ...filters, offset, ...change })}`);

  return (
    <>
      <PageTitle text={kind.plural} />
      {type === 'company' && (
        <p class="page-actions">
          <a class="button" href="/console/companies/new">
            New company
          </a>
        </p>
      )}
      <form
        class="filters"
        role="search"
        aria-label={`Search ${kind.plural.toLowerCase()}`}
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: words.trim() || undefined, offset: 0 });
        }}
      >
        <div class="field grow">
          <label for="q">Words in name or description</label>
          <input id="q" type="search" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
        </div>
        <CodeSelect
          id="country"
          label="Country"
          any="Any country"
          codes={vocabulary.countries}
          names={countryName}
          value={filters.country ?? ''}
          onChange={(v) => go({ country: v || undefined, offset: 0 })}
        />
        <CodeSelect
          id="sector"
          label="Sector"
          any="Any sector"
          codes={vocabulary.sectors}
          value={filters.sector ?? ''}
          onChange={(v) => go({ sector: v || undefined, offset: 0 })}
        />
        {type === 'company' && (
          <CodeSelect
            id="cluster"
            label="Cluster"
            any="Any cluster"
            codes={(clusters.data?.items ?? []).map((c) => c.id)}
            names={(id) => clusters.data?.items.find((c) => c.id === id)?.name ?? id}
            value={filters.cluster ?? ''}
            onChange={(v) => go({ cluster: v || undefined, offset: 0 })}
          />
        )}
        <button type="submit">Search</button>
      </form>
      <ProblemView error={page.error} title={`Could not list ${kind.plural.toLowerCase()}.`} />
      {page.loading && !page.data && <Loading what={kind.plural.toLowerCase()} />}
      {page.data && (
        <>
          <SearchStatus type={type} facts={page.data} words={filters.q} />
          {page.data.items.length > 0 && (
            <div class="table-wrap">
              <table class="list">
                <caption class="visually-hidden">{page.data.matchedBy === 'meaning' ? `${kind.plural} closest in meaning` : kind.plural}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Country</th>
                    <th scope="col">Sectors</th>
                    {type === 'opportunity' && <th scope="col">Deadline</th>}
                    {page.data.matchedBy === 'meaning' && <th scope="col">Closeness</th>}
                  </tr>
                </thead>
                <tbody>
                  {page.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <a href={`${kind.pagePath}/${encodeURIComponent(e.id)}`}>{kind.nameOf(e)}</a>
                      </td>
                      <td>
                        <Country code={e.country} />
                      </td>
                      <td>
                        <Tags codes={e.sectors} label="Sectors" />
                      </td>
                      {type === 'opportunity' && <td>{(e as Opportunity).deadline ?? 'none'}</td>}
                      {page.data!.matchedBy === 'meaning' && <td>{closeness(page.data!.similarity?.find((s) => s.id === e.id)?.similarity)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager offset={offset} limit={LIMIT} total={page.data.total} onChange={(o) => go({ offset: o })} />
        </>
      )}
    </>
  );
}
