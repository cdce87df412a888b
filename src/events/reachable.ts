// How many meetings each participant could have at most, each on their own: the proof that a
// participant left below the minimum could not have reached it, whatever the scheduler did.
// A participant's meetings pair distinct allowed partners with distinct slots both can attend, so
// their number is at most the largest matching between the participant's slots and partners
// (found exactly by augmenting paths), and at most their cap. Pins and other participants' demands
// only lower it, so "count >= min(minMeetings, reachable)" for everyone is the fairness goal.
import type { AgendaProblem } from './agenda.js';
import { allowedEdges, meetingCap, type Edge } from './edges.js';

/** For each participant (by index), the most meetings they could have alone, stopping at `limit(p)`. */
export function reachableMeetings(
  problem: AgendaProblem,
  edges: readonly Edge[] = allowedEdges(problem),
  limit: (p: number) => number = (p) => meetingCap(problem, problem.attendees[p]!.availability),
): Int32Array {
  const n = problem.attendees.length;
  const partners: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    partners[e.a]!.push(e.b);
    partners[e.b]!.push(e.a);
  }
  const slotSets = problem.attendees.map((a) => new Set(a.availability));
  const reach = new Int32Array(n);
  for (let p = 0; p < n; p++) reach[p] = largestMatching(problem.attendees[p]!.availability, partners[p]!, slotSets, limit(p));
  return reach;
}

/** Largest matching of `slots` to `partners` (a partner fits a slot it can attend), up to `limit`. */
function largestMatching(slots: readonly number[], partners: readonly number[], slotSets: readonly Set<number>[], limit: number): number {
  const ownerOf = new Map<number, number>();
  let size = 0;
  const augment = (partner: number, seen: Set<number>): boolean => {
    for (const s of slots) {
      if (seen.has(s) || !slotSets[partner]!.has(s)) continue;
      seen.add(s);
      const owner = ownerOf.get(s);
      if (owner === undefined || augment(owner, seen)) {
        ownerOf.set(s, partner);
        return true;
      }
    }
    return false;
  };
  for (const q of partners) {
    if (size >= limit || size >= slots.length) break;
    if (augment(q, new Set())) size++;
  }
  return size;
}

/** The participants short of the minimum they could reach: the count fairness must bring to 0. */
export function belowReachableMinimum(
  problem: AgendaProblem,
  meetings: readonly { a: string; b: string }[],
  edges: readonly Edge[] = allowedEdges(problem),
): string[] {
  const reach = reachableMeetings(problem, edges, (p) => Math.min(problem.setup.minMeetings, meetingCap(problem, problem.attendees[p]!.availability)));
  const count = new Map<string, number>();
  for (const m of meetings) for (const id of [m.a, m.b]) count.set(id, (count.get(id) ?? 0) + 1);
  return problem.attendees.filter((a, p) => (count.get(a.id) ?? 0) < reach[p]!).map((a) => a.id);
}

/**
 * A proven bound on the number of meetings: at most tables x slots, and at most half the sum of
 * what each participant could reach alone (each meeting has two ends).
 */
export function meetingCountBound(problem: AgendaProblem, edges: readonly Edge[] = allowedEdges(problem)): number {
  const ends = reachableMeetings(problem, edges).reduce((s, x) => s + x, 0);
  return Math.min(problem.setup.tables * problem.setup.slots.length, Math.floor(ends / 2));
}
