// `npm run bench:events`: schedules synthetic matchmaking events of 100, 300 and 600 participants
// (16 slots, random availability, wishes and blocks; match scores from synthetic profile vectors)
// and prints the time, the agenda statistics, hard-rule violations found by the independent
// validator, and the gap to two upper bounds: the proven combinatorial one and the LP relaxation
// solved by HiGHS.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { Highs } from 'highs';
import { agendaStatistics, agendaViolations, allowedEdges, meetingCap, objectiveUpperBound, schedule, type AgendaProblem, type Attendee, type Edge } from '../src/events/index.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,300,600' },
    slots: { type: 'string', default: '16' },
    seed: { type: 'string', default: '7' },
    'lp-max-pairs': { type: 'string', default: '400000' },
  },
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// highs is CommonJS whose typings declare an ES default export; require gives the loader itself.
const highsLoader = createRequire(import.meta.url)('highs') as () => Promise<Highs>;

const COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'IS'];

export function syntheticEvent(n: number, slotCount: number, seed: number): AgendaProblem {
  const random = rng(seed);
  const dims = 16;
  const topics = Array.from({ length: 8 }, () => Array.from({ length: dims }, () => random() - 0.5));
  const vectors = Array.from({ length: n }, () => {
    const t = topics[Math.floor(random() * topics.length)]!;
    const v = t.map((x) => x + (random() - 0.5) * 0.8);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const index = new Map(ids.map((id, i) => [id, i]));
  const score = (a: string, b: string) => {
    const va = vectors[index.get(a)!]!;
    const vb = vectors[index.get(b)!]!;
    return (1 + va.reduce((s, x, d) => s + x * vb[d]!, 0)) / 2;
  };
  const attendees: Attendee[] = ids.map((id, i) => {
    // Most stay all day; some come for the morning or the afternoon only.
    const shape = random();
    const from = shape < 0.7 ? 0 : shape < 0.85 ? 0 : Math.floor(slotCount / 2);
    const to = shape < 0.7 ? slotCount : shape < 0.85 ? Math.ceil(slotCount / 2) + 2 : slotCount;
    const availability = Array.from({ length: to - from }, (_, k) => from + k).filter(() => random() > 0.1);
    const wishes = Array.from({ length: Math.floor(random() * 6) }, () => {
      // Wishes lean to good matches: the best of a few random others.
      const candidates = Array.from({ length: 6 }, () => ids[Math.floor(random() * n)]!).filter((c) => c !== id);
      const target = candidates.sort((a, b) => score(id, b) - score(id, a))[0]!;
      return { target, priority: (1 + Math.floor(random() * 3)) as 1 | 2 | 3 };
    }).filter((w, k, all) => all.findIndex((x) => x.target === w.target) === k);
    const blocks = random() < 0.05 ? [ids[Math.floor(random() * n)]!].filter((b) => b !== id) : [];
    return { id, country: COUNTRIES[i % COUNTRIES.length]!, availability, wishes, blocks };
  });
  // Some wishes are returned: a mutual wish.
  for (const a of attendees) {
    for (const w of a.wishes) {
      const b = attendees[index.get(w.target)!]!;
      if (random() < 0.3 && !b.wishes.some((x) => x.target === a.id)) (b.wishes as { target: string; priority: 1 | 2 | 3 }[]).push({ target: a.id, priority: 1 });
    }
  }
  const slots = Array.from({ length: slotCount }, (_, k) => ({ start: new Date(Date.UTC(2027, 2, 10, 7, k * 25 + (k >= slotCount / 2 ? 60 : 0))).toISOString(), minutes: 20 }));
  return {
    setup: { slots, tables: Math.round(n * 0.3), maxMeetings: 10, allowSameCountry: false, minMeetings: 3 },
    attendees,
    score,
    pinned: [],
    removed: [],
  };
}

async function lpBound(problem: AgendaProblem, edges: readonly Edge[]): Promise<{ value: number; ms: number } | undefined> {
  if (edges.length > Number(values['lp-max-pairs'])) return undefined;
  const started = performance.now();
  const highs = await highsLoader();
  const incident: string[][] = problem.attendees.map(() => []);
  const terms: string[] = [];
  edges.forEach((e, i) => {
    terms.push(`${e.weight.toFixed(6)} x${i}`);
    incident[e.a]!.push(`x${i}`);
    incident[e.b]!.push(`x${i}`);
  });
  const rows = incident.map((xs, p) => (xs.length ? ` p${p}: ${xs.join(' + ')} <= ${meetingCap(problem, problem.attendees[p]!.availability)}` : '')).filter(Boolean);
  rows.push(` tables: ${edges.map((_, i) => `x${i}`).join(' + ')} <= ${problem.setup.tables * problem.setup.slots.length}`);
  const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${rows.join('\n')}\nBounds\n${edges.map((_, i) => ` 0 <= x${i} <= 1`).join('\n')}\nEnd\n`;
  const result = highs.solve(lp, { presolve: 'on' });
  if (result.Status !== 'Optimal') throw new Error(`LP: ${result.Status}`);
  return { value: result.ObjectiveValue, ms: performance.now() - started };
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

console.log(`Matchmaking scheduler on synthetic events (${values.slots} slots, tables = 30 % of participants, cap 10, minimum 3, cross-border only, seed ${values.seed})`);
for (const n of values.sizes.split(',').map(Number)) {
  const problem = syntheticEvent(n, Number(values.slots), Number(values.seed) + n);
  const started = performance.now();
  const edges = allowedEdges(problem);
  const result = schedule(problem, undefined, edges);
  const ms = performance.now() - started;
  const violations = agendaViolations(problem, result.meetings);
  const stats = agendaStatistics(problem, result.meetings, edges);
  const proven = objectiveUpperBound(problem, edges);
  const lp = await lpBound(problem, edges);
  const w = stats.wishes;
  console.log(`\n== ${n} participants, ${problem.setup.tables} tables, ${fmt(edges.length)} allowed pairs`);
  console.log(`  time to schedule           ${fmt(ms)} ms`);
  console.log(`  hard-rule violations       ${violations.length}${violations.length ? `: ${violations.slice(0, 3).join('; ')}` : ''}`);
  console.log(`  meetings                   ${fmt(stats.meetings)} (per participant min ${stats.perParticipant.min}, median ${stats.perParticipant.median}, max ${stats.perParticipant.max})`);
  console.log(`  wishes met                 mutual ${w.mutualMet}/${w.mutualPairs} (${pct(w.mutualMet / w.mutualPairs)}; of those the rules allow ${w.mutualMet}/${w.mutualPossible}, ${pct(w.mutualMet / w.mutualPossible)})`);
  console.log(`                             one-sided ${w.oneSidedMet}/${w.oneSided} (${pct(w.oneSidedMet / w.oneSided)}; of those the rules allow ${w.oneSidedMet}/${w.oneSidedPossible}, ${pct(w.oneSidedMet / w.oneSidedPossible)})`);
  console.log(`  cross-border share         ${pct(stats.crossBorderShare)}`);
  console.log(`  total match score          ${fmt(stats.totalScore, 1)}`);
  console.log(`  objective                  ${fmt(result.objective, 1)}`);
  console.log(`  proven bound               ${fmt(proven.bound, 1)} (gap ${pct(1 - result.objective / proven.bound)})`);
  if (lp) console.log(`  LP relaxation bound        ${fmt(lp.value, 1)} (gap ${pct(1 - result.objective / lp.value)}; HiGHS ${fmt(lp.ms)} ms)`);
  else console.log(`  LP relaxation bound        skipped (more than ${values['lp-max-pairs']} pairs)`);
}
