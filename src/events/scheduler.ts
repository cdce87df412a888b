// The agenda: every meeting a pair in one slot at one table. Hard rules are never broken; the
// objective puts mutual wishes first, then one-sided wishes by priority, then match score, and
// fairness: meetings are handed out in levels, so everyone who can meet someone reaches the
// minimum before anyone goes beyond it.
import { AppError, ErrorCodes } from '../errors.js';
import { brokenPinRule } from './pin-rules.js';
import { pairKey, type AgendaProblem, type Meeting } from './agenda.js';

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

export interface ScheduleResult {
  meetings: Meeting[];
  /** Sum of the weights of the scheduled pairs. */
  objective: number;
}

export type ScheduleProgress = (phase: string, done: number, total: number) => void;

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

class Board {
  readonly busy: Int32Array;
  readonly tableTaken: Uint8Array;
  readonly tablesUsed: Int32Array;
  readonly count: Int32Array;
  readonly available: Uint8Array;
  readonly meetings: (Meeting & { ai: number; bi: number })[] = [];
  readonly met = new Set<number>();

  constructor(
    readonly n: number,
    readonly slots: number,
    readonly tables: number,
    availability: readonly (readonly number[])[],
    private readonly slotChoice: SlotChoice,
  ) {
    this.busy = new Int32Array(n * slots).fill(-1);
    this.tableTaken = new Uint8Array(slots * tables);
    this.tablesUsed = new Int32Array(slots);
    this.count = new Int32Array(n);
    this.available = new Uint8Array(n * slots);
    for (const [p, list] of availability.entries()) for (const s of list) if (s >= 0 && s < slots) this.available[p * slots + s] = 1;
  }

  free(p: number, s: number): boolean {
    return this.available[p * this.slots + s] === 1 && this.busy[p * this.slots + s]! < 0;
  }

  /** A common free slot with a free table, by the board's slot choice; -1 if none. */
  slotFor(a: number, b: number): number {
    let best = -1;
    for (let s = 0; s < this.slots; s++) {
      if (this.tablesUsed[s]! >= this.tables || !this.free(a, s) || !this.free(b, s)) continue;
      if (this.slotChoice === 'first-fit') return s;
      if (best < 0 || this.tablesUsed[s]! < this.tablesUsed[best]!) best = s;
    }
    return best;
  }

  place(a: number, b: number, s: number, ids: readonly string[], table = this.firstFreeTable(s), pinned = false): void {
    const index = this.meetings.length;
    this.meetings.push({ a: ids[a]!, b: ids[b]!, ai: a, bi: b, slot: s, table, ...(pinned ? { pinned } : {}) });
    this.busy[a * this.slots + s] = index;
    this.busy[b * this.slots + s] = index;
    this.tableTaken[s * this.tables + table] = 1;
    this.tablesUsed[s]! += 1;
    this.count[a]! += 1;
    this.count[b]! += 1;
    this.met.add(a * this.n + b).add(b * this.n + a);
  }

  /** Moves meeting `index` to slot `to` (same participants, a free table there). */
  move(index: number, to: number): void {
    const m = this.meetings[index]!;
    this.busy[m.ai * this.slots + m.slot] = -1;
    this.busy[m.bi * this.slots + m.slot] = -1;
    this.tableTaken[m.slot * this.tables + m.table] = 0;
    this.tablesUsed[m.slot]! -= 1;
    m.slot = to;
    m.table = this.firstFreeTable(to);
    this.busy[m.ai * this.slots + to] = index;
    this.busy[m.bi * this.slots + to] = index;
    this.tableTaken[to * this.tables + m.table] = 1;
    this.tablesUsed[to]! += 1;
  }

  private firstFreeTable(s: number): number {
    for (let t = 0; t < this.tables; t++) if (!this.tableTaken[s * this.tables + t]) return t;
    throw new Error(`slot ${s} has no free table`);
  }
}

/**
 * Which common free slot a pair gets. First fit packs meetings into the same slots and keeps
 * other slots free together; spreading keeps tables free everywhere. Neither wins on every
 * event: on the 100-participant event of `npm run bench:events` spreading ends 1.5 % from the
 * bound and first fit 5.4 %, while on a small event in tests/events/scheduler.test.ts first fit
 * finds the optimum that spreading misses. Both run (a few hundred ms) and the better agenda wins.
 */
type SlotChoice = 'spread' | 'first-fit';
const SLOT_CHOICES: readonly SlotChoice[] = ['spread', 'first-fit'];

export function schedule(problem: AgendaProblem, onProgress?: ScheduleProgress, allowed: readonly Edge[] = allowedEdges(problem)): ScheduleResult {
  const caps = problem.attendees.map((a) => meetingCap(problem, a.availability));
  const runs = SLOT_CHOICES.map((choice, i) => greedy(problem, allowed, caps, choice, (phase, done, total) => onProgress?.(phase, i * total + done, SLOT_CHOICES.length * total)));
  // Fairness first: the agenda that leaves fewer participants short of the minimum wins.
  const shortfall = (r: { counts: Int32Array }) => caps.reduce((sum, cap, p) => sum + Math.max(0, Math.min(cap, problem.setup.minMeetings) - r.counts[p]!), 0);
  runs.sort((x, y) => shortfall(x) - shortfall(y) || y.objective - x.objective);
  const { meetings, objective } = runs[0]!;
  return { meetings, objective };
}

function greedy(problem: AgendaProblem, allowed: readonly Edge[], caps: readonly number[], choice: SlotChoice, onProgress?: ScheduleProgress): ScheduleResult & { counts: Int32Array } {
  const { setup, attendees } = problem;
  const ids = attendees.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const board = new Board(ids.length, setup.slots.length, setup.tables, attendees.map((a) => a.availability), choice);
  placePinned(problem, board, index, ids);

  const edges = allowed.filter((e) => !board.met.has(e.a * board.n + e.b));
  const open = (e: Edge, level: number) => !board.met.has(e.a * board.n + e.b) && board.count[e.a]! < Math.min(level, caps[e.a]!) && board.count[e.b]! < Math.min(level, caps[e.b]!);
  const tryPlace = (e: Edge) => {
    const s = board.slotFor(e.a, e.b);
    if (s >= 0) board.place(e.a, e.b, s, ids);
    return s >= 0;
  };
  const maxCap = Math.max(0, ...caps);
  const phases: [string, (e: Edge) => boolean, number][] = [
    // Mutual wishes first, whatever the level.
    ['mutual wishes', (e) => e.mutual, maxCap],
    // Then everyone up to the minimum, wishes before scores.
    ...levels(1, Math.min(setup.minMeetings, maxCap)).map((l): [string, (e: Edge) => boolean, number] => [`minimum ${l}`, () => true, l]),
    ['one-sided wishes', (e) => e.wished, maxCap],
    ...levels(setup.minMeetings + 1, maxCap).map((l): [string, (e: Edge) => boolean, number] => [`level ${l}`, () => true, l]),
  ];
  phases.forEach(([name, accepts, level], i) => {
    for (const e of edges) if (accepts(e) && open(e, level)) tryPlace(e);
    onProgress?.(name, i + 1, phases.length);
  });
  repairByMoves(board, edges, caps, ids);
  const meetings = board.meetings.map(({ ai: _a, bi: _b, ...m }) => m);
  const weightOf = new Map(allowed.map((e) => [pairKey(ids[e.a]!, ids[e.b]!), e.weight]));
  return { meetings, objective: meetings.reduce((sum, m) => sum + (weightOf.get(pairKey(m.a, m.b)) ?? 0), 0), counts: board.count };
}

const levels = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

function placePinned(problem: AgendaProblem, board: Board, index: Map<string, number>, ids: string[]): void {
  const issues: { path: string; message: string }[] = [];
  // biome-ignore lint/suspicious/useIterableCallbackReturn: each `return fail(…)` ends the checks of one pin; forEach drops the value.
  problem.pinned.forEach((m, i) => {
    const a = index.get(m.a);
    const b = index.get(m.b);
    const fail = (message: string) => issues.push({ path: `pinned[${i}]`, message });
    if (a === undefined || b === undefined) return fail(`${a === undefined ? m.a : m.b} is not a participant`);
    // Rules may have changed since the pin was accepted (e.g. same-country meetings disallowed).
    const broken = brokenPinRule(problem.setup, problem.attendees[a]!, problem.attendees[b]!, m.slot, problem.pinned.slice(0, i));
    if (broken) return fail(`${m.a} and ${m.b} in slot ${m.slot}: ${broken.message}`);
    if (m.slot < 0 || m.slot >= board.slots) return fail(`slot ${m.slot} does not exist`);
    if (m.table < 0 || m.table >= board.tables) return fail(`table ${m.table} does not exist`);
    if (board.tableTaken[m.slot * board.tables + m.table]) return fail(`table ${m.table} in slot ${m.slot} is pinned twice`);
    if (!board.free(a, m.slot) || !board.free(b, m.slot)) return fail(`${!board.free(a, m.slot) ? m.a : m.b} is unavailable or already meeting someone in slot ${m.slot}`);
    if (board.met.has(a * board.n + b)) return fail('the pair is pinned twice');
    board.place(a, b, m.slot, ids, m.table, true);
  });
  if (issues.length) throw new AppError(ErrorCodes.INFEASIBLE, 'The pinned meetings cannot all hold; nothing was scheduled.', issues);
}

/**
 * A pair left out because the two have no common free slot, heaviest first: move one meeting that
 * blocks a common slot to another slot where its pair is free, then place the left-out pair there.
 */
function repairByMoves(board: Board, edges: readonly Edge[], caps: readonly number[], ids: readonly string[]): void {
  for (const e of edges) {
    if (board.met.has(e.a * board.n + e.b)) continue;
    if (board.count[e.a]! >= caps[e.a]! || board.count[e.b]! >= caps[e.b]!) continue;
    for (let s = 0; s < board.slots && !board.met.has(e.a * board.n + e.b); s++) {
      if (!board.available[e.a * board.slots + s] || !board.available[e.b * board.slots + s]) continue;
      const blocking = [board.busy[e.a * board.slots + s]!, board.busy[e.b * board.slots + s]!].filter((x) => x >= 0);
      if (new Set(blocking).size !== 1) continue;
      const m = board.meetings[blocking[0]!]!;
      if (m.pinned) continue;
      const to = board.slotFor(m.ai, m.bi);
      if (to < 0) continue;
      board.move(blocking[0]!, to);
      if (board.tablesUsed[s]! < board.tables && board.free(e.a, s) && board.free(e.b, s)) board.place(e.a, e.b, s, ids);
    }
  }
}
