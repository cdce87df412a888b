// The figures a network manager reports to funders, computed from the database and the live
// index: who is in the network, what the engine suggested across borders, what people took up,
// and what the events achieved.
import { dateIn, isOpen, type Count, type EventFigures, type MatchEvent, type NetworkStats } from '../domain/index.js';
import type { EntityAttributes } from '../index/index.js';
import type { Engine } from '../engine/index.js';
import { DEFAULT_DIGEST_THRESHOLD } from './opportunity-digest.js';
import { rankAudience } from './recommend-opportunities.js';
import { defined } from '../index-lifecycle/index.js';

/** The dashboard's figures as of `now`; the costly opportunity ranking is cached per index state and day. */
export async function networkStats(engine: Engine, now = new Date()): Promise<NetworkStats> {
  const companies = engine.index.companies.attributes;
  const events = await eventFigures(engine, now);
  const intro = await crossBorderIntroductions(engine);
  const feedback = await engine.repo.feedbackSummary();
  const judged = (verdict?: string) => feedback.filter((f) => verdict === undefined || f.verdict === verdict).reduce((s, f) => s + f.n, 0);
  const eventMeetings = sum(events.map((e) => e.crossBorderMeetings));
  const meetingsHeld = sum(events.filter((e) => e.held).map((e) => e.crossBorderMeetings));
  const suggested = { eventMeetings, introductionRequests: intro.requested, reviewedSuggestions: judged() };
  const accepted = { meetingsHeld, introductionsMade: intro.introduced, goodSuggestions: judged('good') };
  const opportunities = await opportunityFigures(engine, now);
  return {
    generatedAt: now.toISOString(),
    companies: { total: companies.size, byCountry: countBy(companies.values(), (a) => [a.country]), bySector: countBy(companies.values(), (a) => a.sectors) },
    clusters: { total: engine.index.clusters.size, byCountry: countBy(engine.index.clusters.attributes.values(), (a) => [a.country]) },
    opportunities,
    matches: { suggested: { total: sum(Object.values(suggested)), ...suggested }, accepted: { total: sum(Object.values(accepted)), ...accepted } },
    events: { total: events.length, held: events.filter((e) => e.held).length, upcoming: events.filter((e) => !e.held).length, items: events },
  };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function countBy(items: Iterable<EntityAttributes>, keys: (a: EntityAttributes) => readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const a of items) for (const k of keys(a)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/** "Matched": an open opportunity that at least one company abroad fits at the digest threshold. */
async function opportunityFigures(engine: Engine, now: Date): Promise<NetworkStats['opportunities']> {
  const index = engine.index.opportunities;
  // Ranking every open opportunity is the costly part: done once per index state and day.
  const key = `${engine.index.seq}:${now.toISOString().slice(0, 10)}`;
  let cached = matchedCache.get(engine);
  if (cached?.key !== key) {
    cached = { key, value: await countOpenAndMatched(engine, now) };
    matchedCache.set(engine, cached);
  }
  const { open, matched } = cached.value;
  return { total: index.size, open, matched, threshold: DEFAULT_DIGEST_THRESHOLD, byCountry: countBy(index.attributes.values(), (a) => [a.country]) };
}

const matchedCache = new WeakMap<Engine, { key: string; value: { open: number; matched: number } }>();
const YIELD_EVERY = 50;

async function countOpenAndMatched(engine: Engine, now: Date): Promise<{ open: number; matched: number }> {
  const index = engine.index.opportunities;
  let open = 0;
  let matched = 0;
  for (const [id, a] of index.attributes) {
    if (!isOpen(a.deadline, a.country, now)) continue;
    // Let other requests through between batches: a large network has many open opportunities.
    if (++open % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const opportunity = await engine.repo.get('opportunity', id);
    if (!opportunity) continue;
    const [best] = await rankAudience(engine, opportunity, defined(index.vectorsOf(id)), { limit: 1 });
    if (best && best.score >= DEFAULT_DIGEST_THRESHOLD) matched++;
  }
  return { open, matched };
}

const PAGE = 500;

/** Requests from a visitor in another country than the company's (the visitor names it). */
async function crossBorderIntroductions(engine: Engine): Promise<{ requested: number; introduced: number }> {
  let requested = 0;
  let introduced = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await engine.repo.listIntroductions({ limit: PAGE, offset });
    for (const i of page.items) {
      const companyCountry = engine.index.companies.attributes.get(i.companyId)?.country;
      if (!i.visitorCountry || !companyCountry || i.visitorCountry === companyCountry) continue;
      requested++;
      if (i.status === 'introduced') introduced++;
    }
    if (page.items.length < PAGE) return { requested, introduced };
  }
}

async function eventFigures(engine: Engine, now: Date): Promise<EventFigures[]> {
  const figures: EventFigures[] = [];
  // One query for every document, not one per event.
  for (const event of await engine.repo.allEvents()) figures.push(figuresOf(engine, event, now));
  return figures.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

/**
 * An event is held once its day has begun at the venue (its date in its own zone), scheduled or
 * not: an event dated in the past is never counted as coming.
 */
function figuresOf(engine: Engine, event: MatchEvent, now: Date): EventFigures {
  const countryOf = (id: string) => engine.index.companies.attributes.get(id)?.country;
  const meetings = event.agenda ?? [];
  return {
    id: event.id,
    name: event.name,
    date: event.plan.date,
    held: event.plan.date <= dateIn(event.timeZone, now),
    participants: event.participants.length,
    meetings: meetings.length,
    crossBorderMeetings: meetings.filter((m) => countryOf(m.a) !== countryOf(m.b)).length,
  };
}
