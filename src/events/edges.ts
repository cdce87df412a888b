// Which pairs may meet at all, and what each meeting is worth: the hard rules (country, blocks,
// removed pairs, a common slot) and the objective's weight tiers, shared by the scheduler, its
// bounds and its statistics.
import { pairKey, type AgendaProblem } from './agenda.js';

/** Weight tiers: any mutual wish outweighs any one-sided wish, which outweighs any match score. */
export const TIERS = { mutual: 10_000, oneSided: 1_000, score: 100 } as const;
const PRIORITY_WEIGHT = { 1: 3, 2: 2, 3: 1 } as const;

export interface Edge {
  a: number;
  b: number;
  weight: number;
  mutual: boolean;
  wished: boolean;
}

/** Every pair that may meet at all, with its weight. Exported for bounds and statistics. */
export function allowedEdges(problem: AgendaProblem): Edge[] {
  const people = problem.attendees;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const wishes = new Map<string, number>();
  for (const [i, p] of people.entries()) {
    for (const w of p.wishes) {
      const j = index.get(w.target);
      if (j !== undefined) wishes.set(`${i}>${j}`, PRIORITY_WEIGHT[w.priority]);
    }
  }
  const removed = new Set(problem.removed.map(([a, b]) => pairKey(a, b)));
  const slotsOf = people.map((p) => new Set(p.availability));
  const edges: Edge[] = [];
  for (let a = 0; a < people.length; a++) {
    for (let b = a + 1; b < people.length; b++) {
      const pa = people[a]!;
      const pb = people[b]!;
      if (!problem.setup.allowSameCountry && pa.country === pb.country) continue;
      if (pa.blocks.includes(pb.id) || pb.blocks.includes(pa.id) || removed.has(pairKey(pa.id, pb.id))) continue;
      if (!pa.availability.some((s) => slotsOf[b]!.has(s))) continue;
      const wa = wishes.get(`${a}>${b}`) ?? 0;
      const wb = wishes.get(`${b}>${a}`) ?? 0;
      const mutual = wa > 0 && wb > 0;
      const tier = mutual ? TIERS.mutual + 100 * (wa + wb) : wa + wb > 0 ? TIERS.oneSided * (wa + wb) : 0;
      const score = Math.max(0, Math.min(1, problem.score(pa.id, pb.id)));
      edges.push({ a, b, weight: tier + TIERS.score * score, mutual, wished: wa + wb > 0 });
    }
  }
  return edges.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
}

export function meetingCap(problem: AgendaProblem, availability: readonly number[]): number {
  return Math.min(problem.setup.maxMeetings ?? Infinity, availability.length);
}
