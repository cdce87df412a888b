// The agenda: every meeting a pair in one slot at one table. Hard rules are never broken; the
// objective puts mutual wishes first, then one-sided wishes by priority, then match score, and
// fairness: meetings are handed out in levels, so everyone who can meet someone reaches the
// minimum before anyone goes beyond it.
import { AppError, ErrorCodes } from '../errors.js';
import { brokenPinRule } from './pin-rules.js';
import { pairKey, type AgendaProblem, type Meeting } from './agenda.js';
import { allowedEdges, meetingCap, TIERS, type Edge } from './edges.js';
import { reachableMeetings } from './reachable.js';

export { allowedEdges, meetingCap, TIERS, type Edge } from './edges.js';

export interface ScheduleResult {
  meetings: Meeting[];
  /** Sum of the weights of the scheduled pairs. */
  objective: number;
}

export type ScheduleProgress = (phase: string, done: number, total: number) => void;

type Placed = Meeting & { ai: number; bi: number; kept?: boolean; gone?: boolean };

class Board {
  readonly busy: Int32Array;
  readonly tableTaken: Uint8Array;
  readonly tablesUsed: Int32Array;
  readonly count: Int32Array;
  readonly available: Uint8Array;
  /** Every meeting ever placed; a removed one stays with `gone` so indexes in `busy` hold. */
  readonly meetings: Placed[] = [];
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

  hasTable(s: number): boolean {
    return this.tablesUsed[s]! < this.tables;
  }

  /** A common free slot with a free table, by the board's slot choice; -1 if none. */
  slotFor(a: number, b: number): number {
    let best = -1;
    for (let s = 0; s < this.slots; s++) {
      if (!this.hasTable(s) || !this.free(a, s) || !this.free(b, s)) continue;
      if (this.slotChoice === 'first-fit') return s;
      if (best < 0 || this.tablesUsed[s]! < this.tablesUsed[best]!) best = s;
    }
    return best;
  }

  place(a: number, b: number, s: number, ids: readonly string[], table = this.firstFreeTable(s), flags: { pinned?: boolean; kept?: boolean } = {}): void {
    const index = this.meetings.length;
    this.meetings.push({
      a: ids[a]!,
      b: ids[b]!,
      ai: a,
      bi: b,
      slot: s,
      table,
      ...(flags.pinned ? { pinned: true } : {}),
      ...(flags.kept ? { kept: true } : {}),
    });
    this.busy[a * this.slots + s] = index;
    this.busy[b * this.slots + s] = index;
    this.tableTaken[s * this.tables + table] = 1;
    this.tablesUsed[s]! += 1;
    this.count[a]! += 1;
    this.count[b]! += 1;
    this.met.add(a * this.n + b).add(b * this.n + a);
  }

  /** Takes meeting `index` off the board; answers its table, free again. */
  remove(index: number): number {
    const m = this.meetings[index]!;
    m.gone = true;
    this.busy[m.ai * this.slots + m.slot] = -1;
    this.busy[m.bi * this.slots + m.slot] = -1;
    this.tableTaken[m.slot * this.tables + m.table] = 0;
    this.tablesUsed[m.slot]! -= 1;
    this.count[m.ai]! -= 1;
    this.count[m.bi]! -= 1;
    this.met.delete(m.ai * this.n + m.bi);
    this.met.delete(m.bi * this.n + m.ai);
    return m.table;
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

  /** The meetings still on the board, as the agenda has them. */
  agenda(): Meeting[] {
    return this.meetings.filter((m) => !m.gone).map(({ ai: _a, bi: _b, kept: _k, gone: _g, ...m }) => m);
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
  const runs = SLOT_CHOICES.map((choice, i) =>
    greedy(problem, allowed, caps, choice, (phase, done, total) => onProgress?.(phase, i * total + done, SLOT_CHOICES.length * total)),
  );
  // Fairness first: the agenda that leaves fewer participants short of the minimum wins.
  const shortfall = (r: { counts: Int32Array }) => caps.reduce((sum, cap, p) => sum + Math.max(0, Math.min(cap, problem.setup.minMeetings) - r.counts[p]!), 0);
  runs.sort((x, y) => shortfall(x) - shortfall(y) || y.objective - x.objective);
  const { meetings, objective } = runs[0]!;
  return { meetings, objective };
}

function greedy(
  problem: AgendaProblem,
  allowed: readonly Edge[],
  caps: readonly number[],
  choice: SlotChoice,
  onProgress?: ScheduleProgress,
): ScheduleResult & { counts: Int32Array } {
  const { setup, attendees } = problem;
  const ids = attendees.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const board = new Board(
    ids.length,
    setup.slots.length,
    setup.tables,
    attendees.map((a) => a.availability),
    choice,
  );
  placePinned(problem, board, index, ids);
  placeKept(problem, board, index, ids, allowed, caps);

  const edges = allowed.filter((e) => !board.met.has(e.a * board.n + e.b));
  const open = (e: Edge, level: number) =>
    !board.met.has(e.a * board.n + e.b) && board.count[e.a]! < Math.min(level, caps[e.a]!) && board.count[e.b]! < Math.min(level, caps[e.b]!);
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
  const targets = reachableMeetings(problem, allowed, (p) => Math.min(setup.minMeetings, caps[p]!));
  liftToMinimum(board, allowed, caps, targets, ids);
  // Lifting freed seats and tables here and there: fill them, heaviest pairs first, then once more
  // after moving meetings out of the way of pairs that still have room.
  for (const e of edges) if (open(e, maxCap)) tryPlace(e);
  repairByMoves(board, edges, caps, ids);
  addByExchange(board, allowed, caps, ids);
  const meetings = board.agenda();
  const weightOf = new Map(allowed.map((e) => [pairKey(ids[e.a]!, ids[e.b]!), e.weight]));
  return { meetings, objective: meetings.reduce((sum, m) => sum + (weightOf.get(pairKey(m.a, m.b)) ?? 0), 0), counts: board.count };
}

/**
 * The previous agenda's meetings that the rules still allow, each where it was (same slot, same
 * table). Pins go first, so a kept meeting never displaces one; a meeting that no longer fits
 * (a participant left or is now unavailable, the pair is blocked or removed, the table is gone or
 * pinned, the cap is lower) is simply not kept.
 */
function placeKept(problem: AgendaProblem, board: Board, index: Map<string, number>, ids: string[], allowed: readonly Edge[], caps: readonly number[]): void {
  if (!problem.keep?.length) return;
  const allowedPairs = new Set(allowed.map((e) => e.a * board.n + e.b));
  for (const m of problem.keep) {
    const a = index.get(m.a);
    const b = index.get(m.b);
    if (a === undefined || b === undefined || !allowedPairs.has(Math.min(a, b) * board.n + Math.max(a, b)) || board.met.has(a * board.n + b)) continue;
    if (m.slot < 0 || m.slot >= board.slots || m.table < 0 || m.table >= board.tables || board.tableTaken[m.slot * board.tables + m.table]) continue;
    if (!board.free(a, m.slot) || !board.free(b, m.slot) || board.count[a]! >= caps[a]! || board.count[b]! >= caps[b]!) continue;
    board.place(a, b, m.slot, ids, m.table, { kept: true });
  }
}

/** Giving up a kept meeting costs more than any pair's weight: done only to reach a minimum. */
const KEPT_PENALTY = 100 * TIERS.mutual;

/**
 * Lifts everyone short of the minimum they could reach alone (`targets`, see reachable.ts) one
 * meeting at a time, by the cheapest of: the pair placed in a slot both have free; the partner's
 * meeting in a slot the short participant has free handed over to them (its other side keeps
 * their own minimum); a partner at their cap dropping their lightest meeting whose other side can
 * spare it; a meeting of two who can spare one giving up its table. No step lowers anyone below
 * their target and each raises one participant, so the total shortfall falls and the loop ends.
 * Pins are never touched; kept meetings only when nothing else lifts the participant.
 */
function liftToMinimum(board: Board, allowed: readonly Edge[], caps: readonly number[], targets: Int32Array, ids: readonly string[]): void {
  const { n, slots } = board;
  const partners: { q: number; weight: number }[][] = Array.from({ length: n }, () => []);
  const weight = new Map<number, number>();
  for (const e of allowed) {
    partners[e.a]!.push({ q: e.b, weight: e.weight });
    partners[e.b]!.push({ q: e.a, weight: e.weight });
    weight.set(e.a * n + e.b, e.weight).set(e.b * n + e.a, e.weight);
  }
  const spare = (p: number, times = 1) => board.count[p]! - times >= targets[p]!;
  /** What giving up meeting `i` costs, or Infinity when it may not go. */
  const lossOf = (i: number): number => {
    const m = board.meetings[i]!;
    if (m.pinned || !spare(m.ai) || !spare(m.bi)) return Infinity;
    return (weight.get(m.ai * n + m.bi) ?? 0) + (m.kept ? KEPT_PENALTY : 0);
  };
  const lift = (p: number): boolean => {
    // The cheapest meeting each slot could give up for its table (both sides can spare one).
    const cheapestInSlot = Array.from({ length: slots }, () => ({ loss: Infinity, index: -1 }));
    board.meetings.forEach((m, i) => {
      if (m.gone) return;
      const loss = lossOf(i);
      if (loss < cheapestInSlot[m.slot]!.loss) cheapestInSlot[m.slot] = { loss, index: i };
    });
    let best: { cost: number; q: number; slot: number; drop: number[]; table?: number } | undefined;
    for (const { q, weight: w } of partners[p]!) {
      if (board.met.has(p * n + q)) continue;
      const atCap = board.count[q]! >= caps[q]!;
      // At their cap, q must give up their cheapest meeting in another slot first.
      let capDrop = { loss: atCap ? Infinity : 0, index: -1 };
      if (atCap) {
        for (let s = 0; s < slots; s++) {
          const i = board.busy[q * slots + s]!;
          if (i >= 0 && lossOf(i) < capDrop.loss) capDrop = { loss: lossOf(i), index: i };
        }
      }
      for (let s = 0; s < slots; s++) {
        if (!board.available[p * slots + s] || !board.available[q * slots + s] || board.busy[p * slots + s]! >= 0) continue;
        const busyWith = board.busy[q * slots + s]!;
        let option: { cost: number; drop: number[]; table?: number } | undefined;
        if (busyWith >= 0) {
          // q hands over this slot's meeting: q's count stays, the other side loses one.
          const m = board.meetings[busyWith]!;
          const other = m.ai === q ? m.bi : m.ai;
          if (!m.pinned && spare(other))
            option = { cost: (weight.get(m.ai * n + m.bi) ?? 0) + (m.kept ? KEPT_PENALTY : 0) - w, drop: [busyWith], table: m.table };
        } else if (capDrop.loss < Infinity && board.meetings[capDrop.index]?.slot !== s) {
          const drop = capDrop.index >= 0 ? [capDrop.index] : [];
          if (board.hasTable(s)) option = { cost: capDrop.loss - w, drop };
          else if (cheapestInSlot[s]!.loss < Infinity && !sharesSide(board, drop, cheapestInSlot[s]!.index))
            option = { cost: capDrop.loss + cheapestInSlot[s]!.loss - w, drop: [...drop, cheapestInSlot[s]!.index] };
        }
        if (option && (!best || option.cost < best.cost)) best = { ...option, q, slot: s };
      }
    }
    if (!best) return false;
    let table = best.table;
    for (const i of best.drop) {
      const freed = board.remove(i);
      if (board.meetings[i]!.slot === best.slot) table = freed;
    }
    board.place(p, best.q, best.slot, ids, table);
    return true;
  };
  for (let progress = true; progress; ) {
    progress = false;
    // The furthest behind first; among equals, those with fewest partners (least choice) first.
    const short = Array.from({ length: n }, (_, p) => p)
      .filter((p) => board.count[p]! < targets[p]!)
      .sort((x, y) => targets[y]! - board.count[y]! - (targets[x]! - board.count[x]!) || partners[x]!.length - partners[y]!.length);
    for (const p of short) while (board.count[p]! < targets[p]! && lift(p)) progress = true;
  }
}

/**
 * One more meeting by an exchange: p (room left) and x could meet in a slot where x meets y;
 * y and f (room left) share a free slot. Replace x+y by p+x (same slot and table) and add y+f:
 * one meeting more, and only when the weight does not fall, so no wish is traded for a score.
 * This reaches the participants whom the cross-border rule leaves short when their country is a
 * large share of the event: the others' seats went to meetings among themselves.
 */
function addByExchange(board: Board, allowed: readonly Edge[], caps: readonly number[], ids: readonly string[]): void {
  const { n, slots } = board;
  const weight = new Map<number, number>();
  const partners: number[][] = Array.from({ length: n }, () => []);
  for (const e of allowed) {
    weight.set(e.a * n + e.b, e.weight).set(e.b * n + e.a, e.weight);
    partners[e.a]!.push(e.b);
    partners[e.b]!.push(e.a);
  }
  const hasRoom = (p: number) => board.count[p]! < caps[p]!;
  // A bounded amount of work (checks of a candidate f; about a second on this machine) so that
  // 1,000 participants stay in seconds: events of 300 need 0.3-5.5 million checks in all.
  let budget = 10_000_000;
  const exchange = (p: number): boolean => {
    for (let s = 0; s < slots; s++) {
      if (!board.free(p, s)) continue;
      for (const x of partners[p]!) {
        const i = board.busy[x * slots + s]!;
        if (i < 0 || board.met.has(p * n + x)) continue;
        const m = board.meetings[i]!;
        if (m.pinned || m.kept) continue;
        const y = m.ai === x ? m.bi : m.ai;
        // y's free slots other than s, each with a free table: where y+f could go.
        const ySlots: number[] = [];
        for (let t = 0; t < slots; t++) if (t !== s && board.hasTable(t) && board.free(y, t)) ySlots.push(t);
        if (!ySlots.length) continue;
        const lost = weight.get(x * n + y) ?? 0;
        const gained = weight.get(p * n + x)!;
        for (const f of partners[y]!) {
          if (--budget < 0) return false;
          if (f === p || f === x || !hasRoom(f) || board.met.has(y * n + f) || gained + weight.get(y * n + f)! < lost) continue;
          const to = ySlots.find((t) => board.free(f, t));
          if (to === undefined) continue;
          const table = board.remove(i);
          board.place(p, x, s, ids, table);
          board.place(y, f, to, ids);
          return true;
        }
      }
    }
    return false;
  };
  for (let progress = true; progress && budget > 0; ) {
    progress = false;
    for (let p = 0; p < n; p++) while (hasRoom(p) && exchange(p)) progress = true;
  }
}

/** Whether meeting `other` shares a participant with one of `drops` (so one side would lose two). */
function sharesSide(board: Board, drops: readonly number[], other: number): boolean {
  const o = board.meetings[other]!;
  return drops.some((i) => {
    const m = board.meetings[i]!;
    return m.ai === o.ai || m.ai === o.bi || m.bi === o.ai || m.bi === o.bi;
  });
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
    if (!board.free(a, m.slot) || !board.free(b, m.slot))
      return fail(`${!board.free(a, m.slot) ? m.a : m.b} is unavailable or already meeting someone in slot ${m.slot}`);
    if (board.met.has(a * board.n + b)) return fail('the pair is pinned twice');
    board.place(a, b, m.slot, ids, m.table, { pinned: true });
  });
  if (issues.length) throw new AppError(ErrorCodes.INFEASIBLE, 'The pinned meetings cannot all hold; nothing was scheduled.', issues);
}

/**
 * A pair left out because the two have no common free slot, heaviest first: move the meeting(s)
 * that block a common slot (one per side) to slots where their pairs are free, then place the
 * left-out pair there. Pinned and kept meetings never move.
 */
function repairByMoves(board: Board, edges: readonly Edge[], caps: readonly number[], ids: readonly string[]): void {
  for (const e of edges) {
    if (board.met.has(e.a * board.n + e.b)) continue;
    if (board.count[e.a]! >= caps[e.a]! || board.count[e.b]! >= caps[e.b]!) continue;
    for (let s = 0; s < board.slots && !board.met.has(e.a * board.n + e.b); s++) {
      if (!board.available[e.a * board.slots + s] || !board.available[e.b * board.slots + s]) continue;
      const blocking = [...new Set([board.busy[e.a * board.slots + s]!, board.busy[e.b * board.slots + s]!].filter((x) => x >= 0))];
      if (blocking.length === 0 || blocking.some((i) => board.meetings[i]!.pinned || board.meetings[i]!.kept)) continue;
      // Each side's meeting in `s` moves to a slot its pair has free; if the second cannot, the first goes back.
      const from = board.meetings[blocking[0]!]!.slot;
      const to = board.slotFor(board.meetings[blocking[0]!]!.ai, board.meetings[blocking[0]!]!.bi);
      if (to < 0) continue;
      board.move(blocking[0]!, to);
      if (blocking.length === 2) {
        const second = board.meetings[blocking[1]!]!;
        const secondTo = board.slotFor(second.ai, second.bi);
        if (secondTo < 0) {
          board.move(blocking[0]!, from);
          continue;
        }
        board.move(blocking[1]!, secondTo);
      }
      if (board.tablesUsed[s]! < board.tables && board.free(e.a, s) && board.free(e.b, s)) board.place(e.a, e.b, s, ids);
    }
  }
}
