// Re-scheduling over real HTTP: `keep` holds meetings in place and answers the change list (also
// on GET /events/{id}); the .ics of two successive runs update one calendar entry per pair; the
// CSV hand-out and its download name; past dates accepted with a warning.
import { describe, expect, it } from 'vitest';
import { exportSet } from '../fixtures/export-set.js';
import { bodyCaller, servedApp } from './client.js';

const STAFF = 'test-staff-key-reschedule-0123456789';
const app = servedApp(exportSet, STAFF);
const call = bodyCaller(() => app.base, STAFF);

const EVENT = {
  id: 'ev-reykjavik',
  name: 'Reykjavík Blue Day',
  timeZone: 'Atlantic/Reykjavik',
  date: '2027-09-14',
  start: '09:00',
  slotMinutes: 20,
  slotCount: 5,
  tables: 3,
  maxMeetings: 4,
  minMeetings: 2,
};
const FIRST = ['fi-pack', 'se-dist', 'no-fish', 'is-sensor', 'dk-food', 'se-soft'];

/** RFC 5545 VEVENTs, unfolded, as property maps. */
function vevents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = undefined;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).split(';')[0]!] = line.slice(i + 1);
    }
  }
  return out;
}

const place = (m: { a: { id: string }; b: { id: string }; slot: number; table: number }) => `${[m.a.id, m.b.id].sort().join('+')}@${m.slot}#${m.table}`;

describe('re-scheduling an event', () => {
  it('keeps the agenda around a late registration, lists the changes, and updates calendars by UID and SEQUENCE', async () => {
    expect((await call('POST', '/api/v1/events', EVENT)).status).toBe(201);
    for (const companyId of FIRST) expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId })).status).toBe(201);
    const first = await call('POST', `/api/v1/events/${EVENT.id}/schedule`);
    expect(first.status).toBe(200);
    expect(first.body.changes).toMatchObject({ kept: 0, moved: 0, cancelled: 0, added: first.body.meetings.length });
    const icsBefore = vevents((await call('GET', `/api/v1/events/${EVENT.id}/participants/se-dist/agenda?format=ics`)).text);
    expect(icsBefore.every((e) => e['SEQUENCE'] === '0' && e['STATUS'] === 'CONFIRMED')).toBe(true);

    // A late registration, and se-dist withdraws: keep what still holds.
    expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId: 'dk-wind' })).status).toBe(201);
    expect((await call('DELETE', `/api/v1/events/${EVENT.id}/participants/se-dist`)).status).toBe(200);
    const second = await call('POST', `/api/v1/events/${EVENT.id}/schedule`, { mode: 'keep' });
    expect(second.status).toBe(200);
    const stillAllowed = first.body.meetings.filter((m: { a: { id: string }; b: { id: string } }) => m.a.id !== 'se-dist' && m.b.id !== 'se-dist');
    const now = new Set(second.body.meetings.map(place));
    expect(stillAllowed.every((m: Parameters<typeof place>[0]) => now.has(place(m)))).toBe(true);
    const changes = second.body.changes;
    expect(changes.kept).toBe(stillAllowed.length);
    expect(changes.cancelled).toBe(first.body.meetings.length - stillAllowed.length);
    expect(changes.added).toBeGreaterThan(0);
    // Exactly the shape the console reads, and only participants with a change.
    const late = changes.participants.find((p: { companyId: string }) => p.companyId === 'dk-wind')!;
    expect(late.added[0]).toEqual({
      with: expect.any(String),
      slot: expect.any(Number),
      table: expect.any(Number),
      start: expect.stringMatching(/^2027-09-14T/),
      end: expect.stringMatching(/^2027-09-14T/),
    });
    expect(Object.keys(late).sort()).toEqual(['added', 'cancelled', 'companyId', 'moved']);
    for (const p of changes.participants) expect(p.added.length + p.moved.length + p.cancelled.length).toBeGreaterThan(0);
    expect(changes.participants.find((p: { companyId: string }) => p.companyId === 'se-dist')?.cancelled.length).toBe(changes.cancelled);
    // The stored event shows the latest change list.
    expect((await call('GET', `/api/v1/events/${EVENT.id}`)).body.changes).toEqual(changes);

    // A partner of se-dist: the cancelled meeting has the same UID, SEQUENCE one up, STATUS:CANCELLED.
    const partner = first.body.meetings.find((m: { a: { id: string }; b: { id: string } }) => m.a.id === 'se-dist' || m.b.id === 'se-dist')!;
    const partnerId = partner.a.id === 'se-dist' ? partner.b.id : partner.a.id;
    const partnerBefore = vevents((await call('GET', `/api/v1/events/${EVENT.id}/participants/${partnerId}/agenda?format=ics`)).text);
    const uid = icsBefore.find((e) => partnerBefore.some((x) => x['UID'] === e['UID']))!['UID'];
    expect(uid).toBe(`${EVENT.id}.${[partnerId, 'se-dist'].sort().join('.')}@nordichub`);
    const partnerIcs = (await call('GET', `/api/v1/events/${EVENT.id}/participants/${partnerId}/agenda?format=ics`)).text;
    expect(partnerIcs).toContain('METHOD:PUBLISH');
    const after = vevents(partnerIcs);
    const cancelled = after.filter((e) => e['UID'] === uid);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ STATUS: 'CANCELLED', SEQUENCE: '1' });
    // Kept meetings keep their UID and SEQUENCE 0; UIDs are unique in the file.
    expect(new Set(after.map((e) => e['UID'])).size).toBe(after.length);
    expect(after.filter((e) => e['STATUS'] === 'CONFIRMED' && e['SEQUENCE'] === '0').length).toBeGreaterThan(0);

    // `replan` plans from scratch; a bad mode is a 400 naming the field.
    expect((await call('POST', `/api/v1/events/${EVENT.id}/schedule`, { mode: 'replan' })).status).toBe(200);
    const bad = await call('POST', `/api/v1/events/${EVENT.id}/schedule`, { mode: 'shuffle' });
    expect(bad.status).toBe(400);
    expect(bad.problem?.errors?.map((e) => e.path)).toEqual(['mode']);
  });

  it('hands out CSV with a byte-order mark, local times, and a download name after the event and the company', async () => {
    const res = await fetch(`${app.base}/api/v1/events/${EVENT.id}/participants/is-sensor/agenda?format=csv`, {
      headers: { authorization: `Bearer ${STAFF}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[1]).toMatch(/,2027-09-14,(09|1\d):\d\d,\d\d:\d\d,Atlantic\/Reykjavik,/);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="reykjavik-blue-day-[a-z0-9-]+\.csv"; filename\*=UTF-8''Reykjav%C3%ADk%20Blue%20Day%20-%20/);
    const whole = await call('GET', `/api/v1/events/${EVENT.id}/agenda?format=csv`);
    expect(whole.disposition).toBe(`attachment; filename="reykjavik-blue-day-agenda.csv"; filename*=UTF-8''Reykjav%C3%ADk%20Blue%20Day%20-%20agenda.csv`);
  });

  it('accepts a date already past with a warning, on create and on PATCH', async () => {
    const past = await call('POST', '/api/v1/events', { ...EVENT, id: 'ev-past', date: '2020-01-15' });
    expect(past.status).toBe(201);
    expect(past.body.warnings).toEqual([{ code: 'date-in-past', path: 'date', message: expect.stringContaining('2020-01-15') }]);
    const fixed = await call('PATCH', '/api/v1/events/ev-past', { date: '2031-01-15' });
    expect(fixed.body.warnings).toEqual([]);
    const again = await call('PATCH', '/api/v1/events/ev-past', { date: '2021-05-01' });
    expect(again.body.warnings.map((w: { code: string }) => w.code)).toEqual(['date-in-past']);
  });
});
