// Registering many participants at once: match pasted names to companies (for a review step in
// the console), then add the chosen companies in one change of the event.
import {
  BulkParticipantsSchema,
  candidateSearches,
  MAX_MATCH_CANDIDATES,
  MIN_MATCH_SCORE,
  nameSimilarity,
  ParticipantMatchSchema,
  type Company,
  type EventParticipant,
} from '../domain/index.js';
import { appError } from '../errors.js';
import type { Engine } from '../engine/index.js';
import { changeEvent, getEvent } from './events.js';
import { parseOrThrow } from '../validation/index.js';

/** Companies read per search: enough for the few best names, never a page of a large table. */
const ROWS_PER_SEARCH = 20;
/** A best match this close after the all-words search is taken as found. */
const SURE_MATCH_SCORE = 0.9;

export interface MatchCandidate {
  companyId: string;
  name: string;
  country: string;
  score: number;
}

export interface LineMatch {
  line: string;
  candidates: MatchCandidate[];
}

export interface BulkAddResult {
  added: string[];
  skipped: { companyId: string; reason: 'already registered' | 'listed twice' }[];
}

/**
 * For each line, the companies whose names come closest, best first. Each line costs a bounded
 * number of word-index searches (see `candidateSearches`); a search two lines share runs once.
 */
export async function matchParticipantLines(engine: Engine, eventId: string, body: unknown): Promise<{ matches: LineMatch[] }> {
  const { lines } = parseOrThrow(ParticipantMatchSchema, body, 'participant match');
  await getEvent(engine, eventId); // 404 for an unknown event before any search
  // Only what scoring needs is kept: 500 lines × 7 searches × 20 whole profiles would be a lot of memory.
  const searched = new Map<string, Promise<NameRow[]>>();
  const search = (q: string) => {
    let found = searched.get(q);
    if (!found) {
      found = engine.repo
        .list('company', { q, limit: ROWS_PER_SEARCH, offset: 0 })
        .then((page) => page.items.map(({ id, name, country }) => ({ id, name, country })));
      searched.set(q, found);
    }
    return found;
  };
  const matches: LineMatch[] = [];
  // One line after another: the searches of one line run together, the database is not flooded.
  for (const line of lines) matches.push({ line, candidates: await candidatesFor(line, search) });
  return { matches };
}

type NameRow = Pick<Company, 'id' | 'name' | 'country'>;

async function candidatesFor(line: string, search: (q: string) => Promise<NameRow[]>): Promise<MatchCandidate[]> {
  const [allWords, ...looser] = candidateSearches(line);
  if (!allWords) return [];
  const found = new Map<string, NameRow>();
  const rank = () =>
    [...found.values()]
      .map((c) => ({ companyId: c.id, name: c.name, country: c.country, score: nameSimilarity(line, c.name) }))
      .filter((c) => c.score >= MIN_MATCH_SCORE)
      .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name))
      .slice(0, MAX_MATCH_CANDIDATES);
  for (const c of await search(allWords)) found.set(c.id, c);
  // A name found whole needs no looser searches: most pasted lines cost one search.
  if ((rank()[0]?.score ?? 0) >= SURE_MATCH_SCORE) return rank();
  for (const page of await Promise.all(looser.map(search))) for (const c of page) found.set(c.id, c);
  return rank();
}

/**
 * Registers every listed company (all slots available, no wishes or blocks yet). One unknown id
 * refuses the whole list with its path and writes nothing; companies already registered, or
 * listed twice, are skipped and reported.
 */
export async function addParticipantsInBulk(engine: Engine, eventId: string, body: unknown): Promise<BulkAddResult> {
  const { companyIds } = parseOrThrow(BulkParticipantsSchema, body, 'participant list');
  await getEvent(engine, eventId);
  const known = await engine.repo.existingIds('company', companyIds);
  const unknown = companyIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `companyIds[${i}]`, message: `no company "${id}"` }]));
  if (unknown.length) throw appError('UNKNOWN_COMPANIES', {}, unknown);
  let result: BulkAddResult = { added: [], skipped: [] };
  await changeEvent(engine, eventId, (e) => {
    // Decided inside the write, against the event as it is now: a registration made meanwhile is skipped, not doubled.
    const registered = new Set(e.participants.map((p) => p.companyId));
    const seen = new Set<string>();
    result = { added: [], skipped: [] };
    for (const companyId of companyIds) {
      if (registered.has(companyId)) result.skipped.push({ companyId, reason: 'already registered' });
      else if (seen.has(companyId)) result.skipped.push({ companyId, reason: 'listed twice' });
      else result.added.push(companyId);
      seen.add(companyId);
    }
    const joining: EventParticipant[] = result.added.map((companyId) => ({ companyId, availability: e.slots.map((_, i) => i), wishes: [], blocks: [] }));
    return { ...e, participants: [...e.participants, ...joining] };
  });
  return result;
}
