// Staff mail each participant its agenda with the .ics attached; by default only those whose
// agenda changed since it was last mailed (the hash of what was mailed is kept per participant).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { foldText, IdSchema, type Company } from '../domain/index.js';
import { appError } from '../errors.js';
import { agendaMailText } from '../mail/index.js';
import type { Mailer, MailTransportKind } from '../mail/index.js';
import { agendaView, participantIcs, type ParticipantAgenda } from './event-agenda.js';
import { agendaFromCalendar, calendarNow } from './events/participant-agenda.js';
import type { Engine } from '../engine/index.js';
import { getEvent } from './events.js';
import { parseOrThrow } from '../validation/index.js';

export const SendAgendasSchema = z
  .strictObject({
    onlyChanged: z.boolean().default(true).describe('Mail only participants whose agenda differs from the one last mailed to them'),
    companyIds: z.array(IdSchema).min(1).max(5_000).optional().describe('Only these participants (default: all)'),
  })
  .meta({ id: 'SendAgendas' });

export type SkipReason = 'no-contact-email' | 'unchanged' | 'no-company' | 'send-failed';

export interface SendAgendasResult {
  /** `to` is the private contact e-mail: this answer is for staff only. */
  sent: { companyId: string; to: string; transport: MailTransportKind }[];
  skipped: { companyId: string; reason: SkipReason }[];
}

// Sends for one event run one after another in this process: a double click must not mail every
// participant twice (the second run sees the hashes the first stored and skips them).
const sending = new Map<string, Promise<unknown>>();

export async function sendAgendas(engine: Engine, eventId: string, body: unknown): Promise<SendAgendasResult> {
  const input = parseOrThrow(SendAgendasSchema, body, 'send request');
  const previous = sending.get(eventId) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => sendNow(engine, eventId, input));
  sending.set(eventId, run);
  try {
    return await run;
  } finally {
    if (sending.get(eventId) === run) sending.delete(eventId);
  }
}

async function sendNow(engine: Engine, eventId: string, input: z.output<typeof SendAgendasSchema>): Promise<SendAgendasResult> {
  const event = await getEvent(engine, eventId);
  const mailed = new Map((await engine.repo.agendaMailings(eventId)).map((m) => [m.companyId, m]));
  // Those who withdrew after being mailed still hold the meetings in their calendars: they get the cancellation.
  const withdrawn = [...mailed.keys()].filter((id) => !event.participants.some((p) => p.companyId === id));
  const known = new Set([...event.participants.map((p) => p.companyId), ...withdrawn]);
  const unknown = (input.companyIds ?? []).flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `companyIds[${i}]`, message: `${id} is not a participant of ${eventId}` }],
  );
  if (unknown.length) throw appError('INVALID_INPUT', { what: 'send request' }, unknown);
  if (!event.agenda) throw appError('NOT_SCHEDULED', { eventId }, [{ path: 'id', message: 'not scheduled' }]);
  const mailer = engine.mailer;
  if (!mailer) throw appError('NO_MAILER', {});

  const view = await agendaView(engine, eventId);
  const calendar = calendarNow(event);
  const ids = input.companyIds ? [...new Set(input.companyIds)] : [...event.participants.map((p) => p.companyId), ...withdrawn];
  const partners = calendar.flatMap((c) => [c.a, c.b]);
  const companies = new Map((await engine.repo.getMany('company', [...new Set([...ids, ...partners])])).map((c) => [c.id, c]));
  const outcomes = await mapConcurrently(ids, PARALLEL_SENDS, async (companyId) => {
    const company = companies.get(companyId);
    if (!company) return { reason: 'no-company' as const };
    const agenda = agendaFromCalendar(view, calendar, companyId, companies);
    return await mailOne({ engine, mailer, agenda, company, previousHash: mailed.get(companyId)?.agendaHash, onlyChanged: input.onlyChanged });
  });
  const result: SendAgendasResult = { sent: [], skipped: [] };
  outcomes.forEach((outcome, i) => {
    const companyId = ids[i]!;
    if ('reason' in outcome) result.skipped.push({ companyId, reason: outcome.reason });
    else result.sent.push({ companyId, ...outcome });
  });
  return result;
}

// A real SMTP server answers each mail in tens to hundreds of milliseconds: a few at once (as
// many as the pooled connections) keep a 300-participant event well inside an HTTP request.
const PARALLEL_SENDS = 5;

/** `work` over `items` with at most `limit` running at once; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface MailOne {
  engine: Engine;
  mailer: Mailer;
  agenda: ParticipantAgenda;
  company: Company;
  previousHash: string | undefined;
  onlyChanged: boolean;
}

async function mailOne(o: MailOne): Promise<{ to: string; transport: MailTransportKind } | { reason: SkipReason }> {
  const to = o.company.contactEmail;
  if (!to) return { reason: 'no-contact-email' };
  const { agenda } = o;
  const agendaHash = hashOf(agenda);
  if (o.onlyChanged && agendaHash === o.previousHash) return { reason: 'unchanged' };
  const { subject, text } = agendaMailText(
    {
      eventName: agenda.event.name,
      timeZone: agenda.event.timeZone,
      participantName: o.company.name,
      meetings: agenda.meetings,
      update: o.previousHash !== undefined,
    },
    o.company.language,
  );
  try {
    const sent = await o.mailer.send({
      to,
      subject,
      text,
      attachments: [
        {
          filename: `${fileSlug(agenda.event.name)}-${fileSlug(o.company.name)}.ics`,
          content: participantIcs(agenda),
          contentType: 'text/calendar; charset=utf-8',
        },
      ],
    });
    await o.engine.repo.recordAgendaMailing({
      eventId: agenda.event.id,
      companyId: o.company.id,
      agendaHash,
      to,
      transport: sent.transport,
      messageId: sent.messageId,
      sentAt: new Date().toISOString(),
    });
    return { to, transport: sent.transport };
  } catch (err) {
    // One refused address must not stop the others; its hash is not stored, so the next run retries it.
    o.engine.logger?.error({ err, eventId: agenda.event.id, companyId: o.company.id }, 'agenda mail failed');
    return { reason: 'send-failed' };
  }
}

/** What a participant reads in the mail: times, tables and partners; not scores, which may drift. */
function hashOf(agenda: ParticipantAgenda): string {
  const content = {
    event: { name: agenda.event.name, timeZone: agenda.event.timeZone },
    participant: agenda.participant.name,
    meetings: agenda.meetings.map((m) => [m.start, m.end, m.table, m.with.id, m.with.name, m.with.country]),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

const fileSlug = (name: string) =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'agenda';
