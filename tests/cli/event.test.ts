// `npm run event -- schedule EVENT_ID` as staff run it, beside data written through the use-cases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant, changeEvent, createEvent } from '../../src/use-cases/events.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, databaseFor, runTsx, tempDir } from '../helpers.js';

const t = tempDir();
// The CLI opens the same database the test engine wrote.
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dir, LOG_LEVEL: 'warn' };

beforeAll(async () => {
  env['DATABASE_URL'] = await databaseFor(t.dir);
  const engine = await createTestEngine({ dir: t.dir, data: exportSet() });
  await createEvent(engine.engine, {
    id: 'ev-cli',
    name: 'CLI Day',
    timeZone: 'Atlantic/Reykjavik',
    date: '2027-09-01',
    start: '13:00',
    slotMinutes: 20,
    slotCount: 4,
    tables: 2,
  });
  for (const companyId of ['fi-pack', 'se-dist', 'no-fish', 'is-sensor']) await addParticipant(engine.engine, 'ev-cli', { companyId });
  await engine.close();
}, 60_000);
afterAll(() => t.cleanup());

const run = (args: string[]) => runTsx(['src/cli/main.ts', ...args], env);

describe('npm run event', () => {
  it('schedules an event and prints its statistics, then exports a calendar', async () => {
    const csv = path.join(t.dir, 'agenda.csv');
    const r = await run(['event', 'schedule', 'ev-cli', '--csv', csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Per participant \(min \/ median \/ max\)/);
    expect(r.stdout).toMatch(/Cross-border share\s*│\s*100\.0 %/);
    // A byte-order mark first (Excel reads the file as UTF-8), then local date and times.
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^\uFEFFslot,date,start_time,end_time,time_zone,table/);
    const ics = path.join(t.dir, 'fi-pack.ics');
    expect((await run(['event', 'agenda', 'ev-cli', '--participant', 'fi-pack', '--ics', '--out', ics])).code).toBe(0);
    expect(readFileSync(ics, 'utf8')).toMatch(/DTSTART;TZID=Atlantic\/Reykjavik:20270901T1[34][024]000/);
  }, 60_000);

  it('keeps every meeting where it is by default, and plans afresh with --replan', async () => {
    // The tables of two meetings that share a slot swapped, in the agenda and in the calendars sent out.
    const engine = await createTestEngine({ dir: t.dir });
    const { value: swapped } = await changeEvent(engine.engine, 'ev-cli', (e) => {
      const agenda = e.agenda!;
      const slot = agenda.find((m) => agenda.filter((x) => x.slot === m.slot).length === 2)!.slot;
      const swap = <M extends { slot: number; table: number }>(m: M): M => (m.slot === slot ? { ...m, table: 1 - m.table } : m);
      return { ...e, agenda: agenda.map(swap), calendar: e.calendar!.map(swap) };
    });
    await engine.close();
    const meetings = swapped.agenda!.length;

    const kept = await run(['event', 'schedule', 'ev-cli']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(new RegExp(`Against the last run\\s*│\\s*kept ${meetings}, added 0, moved 0, cancelled 0`));
    // From scratch the scheduler places the pair as it did the first time: the two swapped meetings move back.
    const replanned = await run(['event', 'schedule', 'ev-cli', '--replan']);
    expect(replanned.code, replanned.stderr).toBe(0);
    expect(replanned.stdout).toMatch(new RegExp(`Against the last run\\s*│\\s*kept ${meetings - 2}, added 0, moved 2, cancelled 0`));
  }, 60_000);

  it('names an unknown event and exits non-zero', async () => {
    const r = await run(['event', 'schedule', 'ev-none']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/No event with id "ev-none"/);
  }, 30_000);
});
