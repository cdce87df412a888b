// Sending agendas over real HTTP to a real local SMTP server: each participant gets its own
// agenda in its language with the .ics attached; after a re-run only changed agendas go out.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import type { CompanyInput, DatasetInput } from '../../src/domain/index.js';
import { OutboxMailer, SmtpMailer, type Mailer } from '../../src/mail/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import type { Engine } from '../../src/engine/index.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, serve, tempDir, type TestEngine } from '../helpers.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/smtp-test-server.js';
import { caller } from './client.js';

const ADMIN = 'test-admin-key-agenda-mail-0123456789';
const EVENT = { id: 'ev-oslo', name: 'Oslo Ocean Day', timeZone: 'Europe/Oslo', date: '2027-06-15', start: '10:00', slotMinutes: 30, slotCount: 4, tables: 3 };
const FIRST = ['fi-pack', 'se-dist', 'no-fish', 'is-sensor', 'dk-food', 'dk-wind'];
const SEND = `/api/v1/events/${EVENT.id}/agendas/send` as const;

// Contact e-mails and languages for the participants; dk-wind keeps none.
const CONTACTS: Record<string, Partial<CompanyInput>> = {
  'se-dist': { language: 'sv' },
  'no-fish': { contactEmail: 'post@fjordlaks.example.no', language: 'nb' },
  'is-sensor': { contactEmail: 'info@maelir.example.is', language: 'is' },
  'dk-food': { contactEmail: 'hej@smorrebrod.example.dk', language: 'da' },
  'fi-pack2': { contactEmail: 'myynti@pahvi.example.fi', language: 'fi' },
};
const dataset = (): DatasetInput => {
  const base = exportSet();
  return { ...base, companies: (base.companies ?? []).map((c) => ({ ...c, ...CONTACTS[c.id] })) };
};

let t: TestEngine;
let smtp: TestSmtpServer;
let server: Awaited<ReturnType<typeof serve>>;
let mailer: Mailer;
let staff: string;
const engine = (): Engine => ({ ...t.engine, mailer });
const send = caller(() => server.base);
const call = <M extends string, S extends string>(method: M, p: S, body?: unknown, key = staff) => send(method, p, { body, key });

type Sent = { companyId: string; to: string; transport: string };
type Skipped = { companyId: string; reason: string };
/** Participant -> contact e-mail, as the first send answered it. */
const addressOf = new Map<string, string>();
const sentIds = (body: { sent: Sent[] }) => body.sent.map((s) => s.companyId).sort();

/** Each participant's meetings as a recipient reads them: times, tables, partners. */
async function agendas(ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const r = await call('GET', `/api/v1/events/${EVENT.id}/participants/${id}/agenda`);
    out.set(id, JSON.stringify(r.body.meetings.map((m: { start: string; table: number; with: { id: string } }) => [m.start, m.table, m.with.id])));
  }
  return out;
}

beforeAll(async () => {
  t = await createTestEngine({ data: dataset() });
  smtp = await startTestSmtpServer();
  mailer = new SmtpMailer(smtp.url, 'NordicHub Events <events@nordichub.test>');
  server = await serve(buildApp({ engine, adminKeyHash: hashKey(ADMIN), rateLimits: { perIpPerMinute: 100_000, perKeyPerMinute: 100_000 } }));
  staff = (await createApiKey(t.repo, { role: 'staff', label: 'events staff' })).secret;
  expect((await call('POST', '/api/v1/events', EVENT)).status).toBe(201);
  for (const companyId of FIRST) expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  await mailer?.close();
  await smtp?.close();
  await t?.close();
});

describe('POST /api/v1/events/{id}/agendas/send', () => {
  it('answers 409 before the event is scheduled', async () => {
    const r = await call('POST', SEND, {});
    expect(r.status).toBe(409);
    expect(r.type).toContain('application/problem+json');
  });

  it('refuses a bad body with 400 problem+json naming the field, mailing and storing nothing', async () => {
    expect((await call('POST', `/api/v1/events/${EVENT.id}/schedule`)).status).toBe(200);
    const cases: [unknown, string][] = [
      [{ onlyChanged: 'yes' }, 'onlyChanged'],
      [{ companyIds: ['fi-pack', 'se-soft'] }, 'companyIds[1]'],
      [{ companyIds: [] }, 'companyIds'],
      [{ companyIds: ['fi-pack'], to: 'attacker@example.org' }, '(root)'],
    ];
    for (const [body, field] of cases) {
      const r = await call('POST', SEND, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.problem?.errors?.map((e) => e.path)).toContain(field);
    }
    expect((await call('POST', SEND, undefined)).status).toBe(400);
    expect(smtp.received).toHaveLength(0);
    expect(await t.repo.agendaMailings(EVENT.id)).toEqual([]);
  });

  it('is for staff keys only', async () => {
    const site = (await createApiKey(t.repo, { role: 'site', label: 'partner', origins: ['https://partner.example'] })).secret;
    expect((await call('POST', SEND, {}, site)).status).toBe(403);
    expect(smtp.received).toHaveLength(0);
  });

  it('mails each participant with an address its own agenda, in its language, with the .ics attached', async () => {
    const r = await call('POST', SEND, {});
    expect(r.status).toBe(200);
    expect(sentIds(r.body)).toEqual(['dk-food', 'fi-pack', 'is-sensor', 'no-fish', 'se-dist']);
    expect(r.body.skipped).toEqual([{ companyId: 'dk-wind', reason: 'no-contact-email' }]);
    expect(r.body.sent.find((s: Sent) => s.companyId === 'no-fish')).toEqual({ companyId: 'no-fish', to: 'post@fjordlaks.example.no', transport: 'smtp' });
    await smtp.waitForCount(5);
    for (const s of r.body.sent as Sent[]) addressOf.set(s.companyId, s.to);

    const byRecipient = new Map(smtp.received.map((m) => [m.envelopeTo[0], m]));
    const subjects = {
      'sven@example.org': 'Dina möten på Oslo Ocean Day',
      'post@fjordlaks.example.no': 'Dine møter på Oslo Ocean Day',
      'info@maelir.example.is': 'Fundirnir þínir á Oslo Ocean Day',
      'hej@smorrebrod.example.dk': 'Dine møder på Oslo Ocean Day',
      'anna.virtanen@example.org': 'Your meetings at Oslo Ocean Day',
    };
    for (const [to, subject] of Object.entries(subjects)) expect(byRecipient.get(to)?.subject).toBe(subject);

    for (const sent of r.body.sent as Sent[]) {
      const mail = byRecipient.get(sent.to)!;
      const agenda = (await call('GET', `/api/v1/events/${EVENT.id}/participants/${sent.companyId}/agenda`)).body;
      const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
      expect(ics?.contentType).toBe('text/calendar');
      const calendar = ics!.content.toString('utf8');
      expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
      expect(calendar.match(/BEGIN:VEVENT/g) ?? []).toHaveLength(agenda.meetings.length);
      // The text lists each meeting with the venue's local time and the 1-based table.
      for (const m of agenda.meetings) {
        expect(mail.text).toContain(`${m.start.slice(11, 16)}–${m.end.slice(11, 16)}`);
        expect(mail.text).toContain(m.with.name);
        expect(calendar).toContain(`DTSTART;TZID=Europe/Oslo:${m.start.slice(0, 19).replace(/[-:]/g, '')}`);
      }
    }
    expect(byRecipient.get('sven@example.org')!.attachments[0]!.filename).toBe('oslo-ocean-day-nordpack-wholesale-ab.ics');
    expect(byRecipient.get('sven@example.org')!.text).toContain('Tiderna anges i arrangemangets tidszon (Europe/Oslo)');
  });

  it('sends nothing again while no agenda changed', async () => {
    const r = await call('POST', SEND, { onlyChanged: true });
    expect(r.body.sent).toEqual([]);
    expect(
      r.body.skipped
        .filter((s: Skipped) => s.reason === 'unchanged')
        .map((s: Skipped) => s.companyId)
        .sort(),
    ).toEqual(['dk-food', 'fi-pack', 'is-sensor', 'no-fish', 'se-dist']);
    expect(smtp.received).toHaveLength(5);
  });

  it('after a meeting is removed, mails only the two companies that had it, once', async () => {
    const agenda = (await call('GET', `/api/v1/events/${EVENT.id}/agenda`)).body;
    const meeting = agenda.meetings.find((m: { a: { id: string }; b: { id: string } }) => m.a.id !== 'dk-wind' && m.b.id !== 'dk-wind')!;
    const pair = [meeting.a.id, meeting.b.id].sort();
    const before = await agendas(FIRST);
    expect((await call('POST', `/api/v1/events/${EVENT.id}/removed-pairs`, { a: pair[0], b: pair[1] })).status).toBe(201);
    const after = await agendas(FIRST);
    expect(FIRST.filter((id) => before.get(id) !== after.get(id)).sort()).toEqual(pair);

    const count = smtp.received.length;
    // Sent twice at once (a double click): the second send finds the first one's hashes.
    const both = await Promise.all([call('POST', SEND, {}), call('POST', SEND, {})]);
    const r = both.find((x) => x.body.sent.length > 0)!;
    expect(sentIds(r.body)).toEqual(pair);
    expect(r.body.skipped.filter((s: Skipped) => s.reason === 'unchanged')).toHaveLength(3);
    expect(both.find((x) => x !== r)!.body.sent).toEqual([]);
    await smtp.waitForCount(count + 2);
    expect(
      smtp.received
        .slice(count)
        .map((m) => m.envelopeTo[0])
        .sort(),
    ).toEqual(pair.map((id) => addressOf.get(id)).sort());
    expect((await call('DELETE', `/api/v1/events/${EVENT.id}/removed-pairs?a=${pair[0]}&b=${pair[1]}`)).status).toBe(200);
  });

  it('after a late registration and a re-run, mails only the participants whose agenda changed', async () => {
    const before = await agendas(FIRST);
    expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId: 'fi-pack2' })).status).toBe(201);
    const run = await call('POST', `/api/v1/events/${EVENT.id}/schedule`);
    expect(run.status).toBe(200);
    const after = await agendas(FIRST);
    const changed = FIRST.filter((id) => id !== 'dk-wind' && before.get(id) !== after.get(id));
    // Keep mode: the run reports exactly these as changed, and leaves some agendas as they were.
    const reported = run.body.changes.participants.map((p: { companyId: string }) => p.companyId);
    expect(reported.filter((id: string) => FIRST.includes(id) && id !== 'dk-wind').sort()).toEqual([...changed].sort());
    expect(changed.length).toBeLessThan(FIRST.length - 1);

    const count = smtp.received.length;
    const r = await call('POST', SEND, {});
    expect(sentIds(r.body)).toEqual([...changed, 'fi-pack2'].sort());
    const unchanged = FIRST.filter((id) => id !== 'dk-wind' && !changed.includes(id));
    expect(
      r.body.skipped
        .filter((s: Skipped) => s.reason === 'unchanged')
        .map((s: Skipped) => s.companyId)
        .sort(),
    ).toEqual(unchanged.sort());
    await smtp.waitForCount(count + changed.length + 1);
    const updates = smtp.received.slice(count);
    // Those mailed before get an update; the newcomer its first agenda, in Finnish.
    for (const id of changed)
      expect(updates.find((m) => m.envelopeTo[0] === addressOf.get(id))?.subject).toMatch(/^(Updated|Uppdaterat|Oppdatert|Uppfært|Opdateret):/);
    expect(updates.find((m) => m.envelopeTo[0] === 'myynti@pahvi.example.fi')?.subject).toBe('Tapaamisesi: Oslo Ocean Day');
  });

  it('mails a participant who withdrew the cancellation of every meeting it had, and its partners their update', async () => {
    const before = (await call('GET', `/api/v1/events/${EVENT.id}/participants/fi-pack/agenda`)).body;
    const had = before.meetings as { with: { id: string } }[];
    expect(had.length).toBeGreaterThan(0);
    // Its calendar file: one entry per meeting, and one per meeting cancelled by an earlier run.
    const entries = had.length + (before.cancelled ?? []).length;
    const uids = (await call('GET', `/api/v1/events/${EVENT.id}/participants/fi-pack/agenda?format=ics`)).text.match(/^UID:.*$/gm)!;
    expect(uids).toHaveLength(entries);
    expect((await call('DELETE', `/api/v1/events/${EVENT.id}/participants/fi-pack`)).status).toBe(200);

    const count = smtp.received.length;
    const r = await call('POST', SEND, {});
    addressOf.set('fi-pack2', 'myynti@pahvi.example.fi');
    const partners = had.map((m) => m.with.id).filter((id) => addressOf.has(id));
    expect(sentIds(r.body)).toEqual(['fi-pack', ...partners].sort());
    await smtp.waitForCount(count + 1 + partners.length);
    const mails = smtp.received.slice(count);
    const mine = mails.find((m) => m.envelopeTo[0] === 'anna.virtanen@example.org')!;
    expect(mine.subject).toBe('Updated: your meetings at Oslo Ocean Day');
    expect(mine.text).toContain('you have no meetings scheduled at Oslo Ocean Day');
    const calendar = mine.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString('utf8');
    // The same UIDs as before, each cancelled with a higher SEQUENCE, so calendars drop the entries.
    expect(calendar.match(/^UID:.*$/gm)!.sort()).toEqual([...uids].sort());
    expect(calendar.match(/^STATUS:CANCELLED$/gm)).toHaveLength(entries);
    expect(calendar.match(/^SEQUENCE:(\d+)$/gm)!.every((line) => Number(line.slice(9)) >= 1)).toBe(true);
    for (const id of partners) {
      const update = mails.find((m) => m.envelopeTo[0] === addressOf.get(id))!;
      expect(update.attachments[0]!.content.toString('utf8')).toContain('STATUS:CANCELLED');
    }
    // The withdrawn participant's calendar file is still there to fetch; mailed once, it is not mailed again.
    const ics = await call('GET', `/api/v1/events/${EVENT.id}/participants/fi-pack/agenda?format=ics`);
    expect(ics.status).toBe(200);
    expect(ics.text.match(/^STATUS:CANCELLED$/gm)).toHaveLength(entries);
    expect((await call('POST', SEND, {})).body.sent).toEqual([]);
  });

  it('sends to the named participants regardless of changes with onlyChanged false', async () => {
    const count = smtp.received.length;
    const r = await call('POST', SEND, { onlyChanged: false, companyIds: ['se-dist', 'dk-wind'] });
    expect(r.body).toEqual({
      sent: [{ companyId: 'se-dist', to: 'sven@example.org', transport: 'smtp' }],
      skipped: [{ companyId: 'dk-wind', reason: 'no-contact-email' }],
    });
    await smtp.waitForCount(count + 1);
    expect(smtp.received.at(-1)!.subject).toBe('Uppdaterat: dina möten på Oslo Ocean Day');
  });

  it('reports an address the server refuses as send-failed and keeps the earlier record', async () => {
    smtp.refuse.add('info@maelir.example.is');
    const failed = await call('POST', SEND, { onlyChanged: false, companyIds: ['is-sensor'] });
    expect(failed.body).toEqual({ sent: [], skipped: [{ companyId: 'is-sensor', reason: 'send-failed' }] });
    smtp.refuse.clear();
    const stored = (await t.repo.agendaMailings(EVENT.id)).find((m) => m.companyId === 'is-sensor')!;
    // A forced resend that failed keeps the earlier record: the participant still has that agenda.
    expect(stored.to).toBe('info@maelir.example.is');
  });

  it('writes .eml files to the outbox when the service has no SMTP server', async () => {
    const dir = tempDir();
    const smtpMailer = mailer;
    mailer = new OutboxMailer(path.join(dir.dir, 'outbox'), 'NordicHub Partner Match <no-reply@nordichub.invalid>');
    try {
      const r = await call('POST', SEND, { onlyChanged: false, companyIds: ['dk-food'] });
      expect(r.body.sent).toEqual([{ companyId: 'dk-food', to: 'hej@smorrebrod.example.dk', transport: 'outbox' }]);
      const stored = (await t.repo.agendaMailings(EVENT.id)).find((m) => m.companyId === 'dk-food')!;
      expect(stored.transport).toBe('outbox');
      const files = readdirSync(path.join(dir.dir, 'outbox'));
      expect(files).toHaveLength(1);
      const mail = await simpleParser(readFileSync(path.join(dir.dir, 'outbox', files[0]!)));
      expect(mail.subject).toBe('Opdateret: dine møder på Oslo Ocean Day');
      expect(mail.attachments[0]!.content.toString('utf8')).toContain('BEGIN:VCALENDAR');
    } finally {
      mailer = smtpMailer;
      dir.cleanup();
    }
  });

  it('puts the mailings in the company export and removes them on erasure', async () => {
    const exported = await call('GET', '/api/v1/companies/no-fish/export');
    expect(exported.body.agendaMailings).toEqual([
      expect.objectContaining({ eventId: EVENT.id, companyId: 'no-fish', to: 'post@fjordlaks.example.no', transport: 'smtp' }),
    ]);
    expect((await call('DELETE', '/api/v1/companies/no-fish', undefined, ADMIN)).status).toBe(200);
    expect(await t.repo.agendaMailingsOf('no-fish')).toEqual([]);
    expect((await t.repo.agendaMailings(EVENT.id)).map((m) => m.companyId)).not.toContain('no-fish');
  });

  it('forgets whom it mailed when the event is deleted', async () => {
    expect((await t.repo.agendaMailings(EVENT.id)).length).toBeGreaterThan(0);
    expect((await call('DELETE', `/api/v1/events/${EVENT.id}`)).status).toBe(200);
    expect(await t.repo.agendaMailings(EVENT.id)).toEqual([]);
  });
});
