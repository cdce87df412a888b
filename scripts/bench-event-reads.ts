// Event reads of erasure/export and the dashboard, before (listEvents, then getEvent per event)
// and after (eventsNaming, allEvents), side by side in one run:
//   npx tsx scripts/bench-event-reads.ts [events=300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRepository } from '../src/db/index.js';
import { EventInputSchema, toMatchEvent, type MatchEvent } from '../src/domain/index.js';

const EVENTS = Number(process.argv[2] ?? 300);
const PARTICIPANTS = 60;
const dir = mkdtempSync(path.join(tmpdir(), 'nh-evbench-'));
const repo = await openRepository(`file:${path.join(dir, 'b.db')}`);
for (let i = 0; i < EVENTS; i++) {
  const base = toMatchEvent(
    EventInputSchema.parse({
      id: `ev-${i}`,
      name: `Event ${i}`,
      timeZone: 'Europe/Helsinki',
      date: '2030-05-05',
      start: '09:00',
      slotMinutes: 20,
      slotCount: 8,
      tables: 20,
    }),
  );
  const ids = Array.from({ length: PARTICIPANTS }, (_, k) => (i % 100 === 0 && k === 0 ? 'target' : `c-${i}-${k}`));
  const e: MatchEvent = { ...base, participants: ids.map((companyId) => ({ companyId, availability: [0, 1, 2, 3, 4, 5, 6, 7], wishes: [], blocks: [] })) };
  await repo.createEvent(e);
}
const time = async (fn: () => Promise<unknown>, runs = 5) => {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};
const oldNaming = async () => {
  const out: MatchEvent[] = [];
  for (const s of await repo.listEvents()) {
    const e = await repo.getEvent(s.id);
    if (e?.participants.some((p) => p.companyId === 'target')) out.push(e);
  }
  return out;
};
const oldAll = async () => {
  const out: MatchEvent[] = [];
  for (const s of await repo.listEvents()) out.push((await repo.getEvent(s.id))!);
  return out;
};
const [a, b] = [(await oldNaming()).length, (await repo.eventsNaming('target')).length];
if (a !== b) throw new Error(`mismatch ${a} ${b}`);
const rows = [
  ['erasure/export: events naming a company (old: listEvents + getEvent each)', await time(oldNaming), await time(() => repo.eventsNaming('target'))],
  ['dashboard: every event (old: listEvents + getEvent each)', await time(oldAll), await time(() => repo.allEvents())],
];
console.log(`${EVENTS} events x ${PARTICIPANTS} participants, SQLite, median of 5`);
for (const [what, before, after] of rows)
  console.log(
    `${what}: before ${(before as number).toFixed(1)} ms, after ${(after as number).toFixed(1)} ms, ${((before as number) / (after as number)).toFixed(1)}x`,
  );
await repo.close();
rmSync(dir, { recursive: true, force: true });
