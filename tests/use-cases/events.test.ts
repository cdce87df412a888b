// Events end to end through the use-cases: real SQLite, the shipped model, the real scheduler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { agendaView, participantAgenda, participantCsv, participantIcs, scheduleEvent } from '../../src/use-cases/event-agenda.js';
import {
  addParticipant,
  createEvent,
  getEvent,
  patchEvent,
  patchParticipant,
  pinMeeting,
  removeMeeting,
  removeParticipant,
  unpinMeeting,
} from '../../src/use-cases/events.js';
import { partnersForCompany } from '../../src/use-cases/recommend-partners.js';
import { company } from '../fixtures/small-set.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
const PARTICIPANTS = ['fi-pack', 'se-dist', 'no-fish', 'is-sensor', 'dk-food', 'se-soft', 'dk-wind', 'is-fish'];

// 28 March 2027 is the day Finland moves to summer time (at 03:00): the venue is at UTC+3.
const EVENT = {
  id: 'ev-tampere',
  name: 'Nordic Matchmaking Day',
  timeZone: 'Europe/Helsinki',
  date: '2027-03-28',
  start: '09:00',
  slotMinutes: 20,
  slotCount: 6,
  gapMinutes: 5,
  breaks: [{ afterSlot: 2, minutes: 45 }],
  tables: 3,
  maxMeetings: 4,
  minMeetings: 2,
};

beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
  await createEvent(t.engine, EVENT);
  for (const id of PARTICIPANTS) {
    await addParticipant(t.engine, EVENT.id, {
      companyId: id,
      ...(id === 'fi-pack'
        ? {
            wishes: [
              { companyId: 'se-dist', priority: 1 },
              { companyId: 'dk-food', priority: 2 },
            ],
            blocks: ['no-fish'],
          }
        : {}),
      ...(id === 'se-dist' ? { wishes: [{ companyId: 'fi-pack', priority: 1 }] } : {}),
      ...(id === 'is-fish' ? { availability: [3, 4, 5] } : {}),
    });
  }
});
afterAll(() => t.close());

const pairOf = (m: { a: { id: string }; b: { id: string } }) => [m.a.id, m.b.id].sort().join('+');

describe('creating an event', () => {
  it('lays out slots in the venue time zone, with gaps and breaks', async () => {
    const e = await getEvent(t.engine, EVENT.id);
    expect(e.slots.map((s) => s.start)).toEqual([
      '2027-03-28T09:00:00+03:00',
      '2027-03-28T09:25:00+03:00',
      '2027-03-28T09:50:00+03:00',
      '2027-03-28T11:00:00+03:00',
      '2027-03-28T11:25:00+03:00',
      '2027-03-28T11:50:00+03:00',
    ]);
    expect(e.allowSameCountry).toBe(false);
  });

  it('rejects an unknown time zone and a taken id with their paths', async () => {
    await expect(createEvent(t.engine, { ...EVENT, id: 'ev-x', timeZone: 'Europe/Atlantis' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'timeZone' })],
    });
    await expect(createEvent(t.engine, EVENT)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('registering participants', () => {
  it('takes a new profile on the fly and makes it matchable', async () => {
    await createEvent(t.engine, { ...EVENT, id: 'ev-small' });
    await addParticipant(t.engine, 'ev-small', {
      company: company({
        id: 'no-boxes',
        country: 'NO',
        name: 'Eske AS',
        offers: 'Cardboard boxes and paper packaging.',
        needs: 'Food producers who buy packaging.',
      }),
    });
    await addParticipant(t.engine, 'ev-small', { companyId: 'dk-food' });
    expect((await t.repo.get('company', 'no-boxes'))?.name).toBe('Eske AS');
    const suggestions = await partnersForCompany(t.engine, 'dk-food', { limit: 5 }, new Set(['no-boxes', 'dk-food']));
    expect(suggestions.results.map((r) => r.company.id)).toEqual(['no-boxes']);
  });

  it('refuses unknown companies, slots that do not exist and double registration, changing nothing', async () => {
    const before = await getEvent(t.engine, EVENT.id);
    await expect(addParticipant(t.engine, EVENT.id, { companyId: 'nobody' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(addParticipant(t.engine, EVENT.id, { companyId: 'fi-pack2', availability: [0, 9] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'availability[1]' })],
    });
    await expect(addParticipant(t.engine, EVENT.id, { companyId: 'fi-pack2', wishes: [{ companyId: 'ghost' }] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'wishes[0].companyId' })],
    });
    await expect(addParticipant(t.engine, EVENT.id, { companyId: 'fi-pack' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await getEvent(t.engine, EVENT.id)).toEqual(before);
  });
});

describe('suggestions before scheduling', () => {
  it('come only from the event’s participants, across the border', async () => {
    const event = await getEvent(t.engine, EVENT.id);
    const among = new Set(event.participants.map((p) => p.companyId));
    const r = await partnersForCompany(t.engine, 'fi-pack', { limit: 10 }, among);
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((x) => among.has(x.company.id) && x.company.country !== 'FI')).toBe(true);
    expect(r.results[0]!.company.id).toBe('se-dist');
  });
});

describe('scheduling', () => {
  it('meets the mutual wish, respects blocks and availability, and reports statistics', async () => {
    const view = await scheduleEvent(t.engine, EVENT.id);
    const pairs = view.meetings.map(pairOf);
    expect(pairs).toContain('fi-pack+se-dist');
    expect(view.meetings.find((m) => pairOf(m) === 'fi-pack+se-dist')!.wish).toBe('mutual');
    expect(pairs).not.toContain('fi-pack+no-fish');
    expect(view.meetings.filter((m) => m.a.id === 'is-fish' || m.b.id === 'is-fish').every((m) => m.slot >= 3)).toBe(true);
    expect(view.statistics).toMatchObject({ crossBorderShare: 1, wishes: { mutualPairs: 1, mutualMet: 1 } });
    expect(view.statistics.perParticipant.min).toBeGreaterThanOrEqual(2);
    expect(view.statistics.perParticipant.max).toBeLessThanOrEqual(4);
    expect(view.statistics.gapToBound).toBeLessThan(0.2);
  });

  it('keeps a pinned meeting through re-runs, and never brings back a removed pair', async () => {
    await pinMeeting(t.engine, EVENT.id, { a: 'dk-wind', b: 'is-sensor', slot: 5, table: 2 });
    await removeMeeting(t.engine, EVENT.id, { a: 'fi-pack', b: 'dk-food' });
    for (let run = 0; run < 2; run++) {
      const view = await scheduleEvent(t.engine, EVENT.id);
      expect(view.meetings).toContainEqual(
        expect.objectContaining({
          slot: 5,
          table: 2,
          pinned: true,
          a: expect.objectContaining({ id: 'dk-wind' }),
          b: expect.objectContaining({ id: 'is-sensor' }),
        }),
      );
      expect(view.meetings.map(pairOf)).not.toContain('dk-food+fi-pack');
    }
    await expect(removeMeeting(t.engine, EVENT.id, { a: 'is-sensor', b: 'dk-wind' })).rejects.toMatchObject({ code: 'conflict' });
    await unpinMeeting(t.engine, EVENT.id, { a: 'dk-wind', b: 'is-sensor' });
  });

  it('refuses at pin time two pins on one table in one slot, or one participant twice in a slot, changing nothing', async () => {
    await createEvent(t.engine, { ...EVENT, id: 'ev-one-table', tables: 1 });
    for (const id of ['fi-pack', 'se-dist', 'no-fish', 'dk-food']) await addParticipant(t.engine, 'ev-one-table', { companyId: id });
    await scheduleEvent(t.engine, 'ev-one-table');
    await pinMeeting(t.engine, 'ev-one-table', { a: 'fi-pack', b: 'se-dist', slot: 0, table: 0 });
    const before = await getEvent(t.engine, 'ev-one-table');
    const sameTable = await pinMeeting(t.engine, 'ev-one-table', { a: 'no-fish', b: 'dk-food', slot: 0, table: 0 }).catch((e: unknown) => e);
    expect(sameTable).toBeInstanceOf(AppError);
    expect(sameTable).toMatchObject({
      code: 'infeasible',
      issues: [{ path: 'table', message: expect.stringMatching(/table 1 in slot 1 is already pinned for fi-pack and se-dist/) }],
    });
    await createEvent(t.engine, { ...EVENT, id: 'ev-two-tables', tables: 2 });
    for (const id of ['fi-pack', 'se-dist', 'dk-food']) await addParticipant(t.engine, 'ev-two-tables', { companyId: id });
    await pinMeeting(t.engine, 'ev-two-tables', { a: 'fi-pack', b: 'se-dist', slot: 0, table: 0 });
    await expect(pinMeeting(t.engine, 'ev-two-tables', { a: 'dk-food', b: 'fi-pack', slot: 0, table: 1 })).rejects.toMatchObject({
      code: 'infeasible',
      issues: [{ path: 'b', message: expect.stringMatching(/fi-pack already has a pinned meeting in slot 1/) }],
    });
    expect(await getEvent(t.engine, 'ev-one-table')).toEqual(before);
    expect(await scheduleEvent(t.engine, 'ev-one-table')).toMatchObject({
      meetings: expect.arrayContaining([expect.objectContaining({ slot: 0, table: 0, pinned: true })]),
    });
  });

  it('drops a participant from the agenda when unregistered, and clears the agenda when the rules change', async () => {
    await scheduleEvent(t.engine, EVENT.id);
    await removeParticipant(t.engine, EVENT.id, 'dk-wind');
    const view = await agendaView(t.engine, EVENT.id);
    expect(view.meetings.some((m) => m.a.id === 'dk-wind' || m.b.id === 'dk-wind')).toBe(false);
    await patchEvent(t.engine, 'ev-small', { name: 'Renamed' });
    await patchEvent(t.engine, 'ev-small', { tables: 5 });
    expect((await getEvent(t.engine, 'ev-small')).agenda).toBeNull();
  });
});

describe('changing an event', () => {
  it('changes only the settings named: gaps, breaks, minimum, same-country rule, slots and pins stay', async () => {
    await createEvent(t.engine, { ...EVENT, id: 'ev-patch', minMeetings: 3, allowSameCountry: true });
    for (const id of ['fi-pack', 'se-dist']) await addParticipant(t.engine, 'ev-patch', { companyId: id });
    await pinMeeting(t.engine, 'ev-patch', { a: 'fi-pack', b: 'se-dist', slot: 1, table: 0 });
    const before = await getEvent(t.engine, 'ev-patch');
    const { value: renamed } = await patchEvent(t.engine, 'ev-patch', { name: 'Renamed day' });
    expect(renamed).toEqual({ ...before, name: 'Renamed day' });
    expect(await getEvent(t.engine, 'ev-patch')).toEqual({ ...before, name: 'Renamed day' });
    // More tables: the same slot layout, so the pin stays.
    const { value: wider } = await patchEvent(t.engine, 'ev-patch', { tables: 4 });
    expect(wider.pins).toEqual(before.pins);
    expect(wider).toMatchObject({ plan: before.plan, slots: before.slots, minMeetings: 3, allowSameCountry: true, maxMeetings: 4 });
    // null clears the optional cap; a longer slot is a new layout, which drops the pins.
    const { value: longer } = await patchEvent(t.engine, 'ev-patch', { maxMeetings: null, slotMinutes: 30 });
    expect(longer).toMatchObject({ maxMeetings: null, minMeetings: 3, allowSameCountry: true, plan: { ...before.plan, slotMinutes: 30 }, pins: [] });
    expect(longer.slots[1]!.start).toBe('2027-03-28T09:35:00+03:00');
  });
});

describe('pins that break a rule', () => {
  const infeasible = (field: string, message: RegExp) => ({
    code: 'infeasible',
    message: expect.stringMatching(message),
    issues: [expect.objectContaining({ path: field, message: expect.stringMatching(message) })],
  });

  it('are refused when pinned, naming the rule: same country, blocked pair, over the cap, unavailable', async () => {
    await createEvent(t.engine, { ...EVENT, id: 'ev-rules', maxMeetings: 1 });
    for (const id of ['fi-pack', 'se-dist', 'se-soft', 'no-fish', 'dk-food'])
      await addParticipant(t.engine, 'ev-rules', {
        companyId: id,
        ...(id === 'fi-pack' ? { blocks: ['no-fish'] } : {}),
        ...(id === 'dk-food' ? { availability: [4, 5] } : {}),
      });
    const before = await getEvent(t.engine, 'ev-rules');
    await expect(pinMeeting(t.engine, 'ev-rules', { a: 'se-dist', b: 'se-soft', slot: 0, table: 0 })).rejects.toMatchObject(infeasible('b', /same country/));
    await expect(pinMeeting(t.engine, 'ev-rules', { a: 'no-fish', b: 'fi-pack', slot: 0, table: 0 })).rejects.toMatchObject(infeasible('b', /blocked pair/));
    await expect(pinMeeting(t.engine, 'ev-rules', { a: 'dk-food', b: 'se-dist', slot: 0, table: 0 })).rejects.toMatchObject(
      infeasible('slot', /not available/),
    );
    expect(await getEvent(t.engine, 'ev-rules')).toEqual(before);
    await pinMeeting(t.engine, 'ev-rules', { a: 'fi-pack', b: 'se-dist', slot: 0, table: 0 });
    await expect(pinMeeting(t.engine, 'ev-rules', { a: 'fi-pack', b: 'dk-food', slot: 4, table: 0 })).rejects.toMatchObject(infeasible('a', /over the cap/));
    expect((await getEvent(t.engine, 'ev-rules')).pins).toHaveLength(1);
  });

  it('that the rules break later are named at schedule time (422, never 500), and nothing is scheduled', async () => {
    await createEvent(t.engine, { ...EVENT, id: 'ev-later', allowSameCountry: true });
    for (const id of ['fi-pack', 'se-dist', 'se-soft', 'no-fish']) await addParticipant(t.engine, 'ev-later', { companyId: id });
    await pinMeeting(t.engine, 'ev-later', { a: 'se-dist', b: 'se-soft', slot: 0, table: 0 });
    await pinMeeting(t.engine, 'ev-later', { a: 'fi-pack', b: 'no-fish', slot: 1, table: 0 });
    await patchEvent(t.engine, 'ev-later', { allowSameCountry: false });
    await patchParticipant(t.engine, 'ev-later', 'no-fish', { blocks: ['fi-pack'] });
    const before = await getEvent(t.engine, 'ev-later');
    const err = await scheduleEvent(t.engine, 'ev-later').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'infeasible',
      issues: [
        { path: 'pinned[0]', message: expect.stringMatching(/se-dist and se-soft .*same country/) },
        { path: 'pinned[1]', message: expect.stringMatching(/fi-pack and no-fish .*blocked pair/) },
      ],
    });
    expect(await getEvent(t.engine, 'ev-later')).toEqual(before);
  });
});

describe('participant agendas', () => {
  it('write iCalendar in the venue time zone, summer time included', async () => {
    const agenda = await participantAgenda(t.engine, EVENT.id, 'fi-pack');
    const ics = participantIcs(agenda);
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:Europe/Helsinki');
    const first = agenda.meetings[0]!;
    const local = first.start.slice(0, 16).replace(/[-:]/g, '');
    expect(ics).toContain(`DTSTART;TZID=Europe/Helsinki:${local}00`);
    // 09:00 in Helsinki on 28 March 2027 is 06:00 UTC (summer time from 03:00 that morning).
    expect(agenda.meetings.map((m) => new Date(m.start).toISOString())).toContain(new Date('2027-03-28T06:00:00Z').toISOString());
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(agenda.meetings.length + (agenda.cancelled?.length ?? 0));
    expect(ics.match(/STATUS:CONFIRMED/g)).toHaveLength(agenda.meetings.length);
  });

  it('write CSV with the counterpart and table for each meeting', async () => {
    const csv = participantCsv(await participantAgenda(t.engine, EVENT.id, 'fi-pack'));
    // A byte-order mark first, so Excel reads the file as UTF-8.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split('\n');
    expect(rows[0]).toBe('participant,slot,date,start_time,end_time,time_zone,table,meeting_with,country,wish,start,end');
    expect(rows.slice(1).some((row) => row.includes('Nordpack Wholesale AB,SE,mutual'))).toBe(true);
    // Local date and clock in the venue's zone: the first slot starts at 09:00 on 28 March in Helsinki.
    expect(rows.slice(1).every((row) => /^[^,]+,\d+,2027-03-28,\d\d:\d\d,\d\d:\d\d,Europe\/Helsinki,/.test(row))).toBe(true);
  });
});
