// Matchmaking-event endpoints (staff): the event, its participants, suggestions, the schedule,
// pins and removals, and the agenda as JSON, CSV and iCalendar.
import { z } from 'zod';
import {
  decimalInt,
  eventWarnings,
  EventInputSchema,
  EventPatchSchema,
  IdSchema,
  PairSchema,
  ParticipantInputSchema,
  ParticipantPatchSchema,
  PinSchema,
} from '../domain/index.js';
import { attachmentDisposition } from '../formats/index.js';
import { agendaCsv, agendaView, participantAgenda, participantCsv, participantIcs, scheduleEvent } from '../use-cases/event-agenda.js';
import {
  addParticipant,
  createEvent,
  deleteEvent,
  getEvent,
  getVersionedEvent,
  listEvents,
  listParticipants,
  participantOf,
  patchEvent,
  patchParticipant,
  pinMeeting,
  removeMeeting,
  removeParticipant,
  restorePair,
  unpinMeeting,
} from '../use-cases/events.js';
import { partnersForCompany } from '../use-cases/recommend-partners.js';
import { route, type RouteDef } from './http.js';
import { IdParams, PartnerResponseSchema, VersionField } from './schemas.js';

const TAG = 'Events';
const problem = (description: string) => ({ description });
const ParticipantParams = z.object({ id: IdSchema, companyId: IdSchema });
const PairQuery = z.strictObject({ a: IdSchema, b: IdSchema });
const FormatQuery = (formats: [string, ...string[]]) => z.strictObject({ format: z.enum(formats).default('json') });
const ok = z.object({ ok: z.literal(true) });

const MeetingSchema = z.object({ a: z.string(), b: z.string(), slot: z.number().int(), table: z.number().int(), pinned: z.boolean().optional() });
const ParticipantSchema = z.object({
  companyId: z.string(),
  availability: z.array(z.number().int()),
  wishes: z.array(z.object({ companyId: z.string(), priority: z.number().int() })),
  blocks: z.array(z.string()),
});
const WarningsSchema = z.array(z.object({ code: z.literal('date-in-past'), path: z.string(), message: z.string() }));
const MeetingRefSchema = z
  .object({ with: z.string(), slot: z.number().int(), table: z.number().int(), start: z.string(), end: z.string() })
  .meta({ id: 'MeetingRef' });
export const ChangesSchema = z
  .object({
    kept: z.number().int(),
    added: z.number().int(),
    moved: z.number().int(),
    cancelled: z.number().int(),
    participants: z.array(
      z.object({
        companyId: z.string(),
        added: z.array(MeetingRefSchema),
        moved: z.array(z.object({ before: MeetingRefSchema, after: MeetingRefSchema })),
        cancelled: z.array(MeetingRefSchema),
      }),
    ),
  })
  .meta({
    id: 'ScheduleChanges',
    description: 'What the last schedule run changed against the agenda calendars held; only participants with a change are listed.',
  });
const CalendarEntrySchema = z.object({
  a: z.string(),
  b: z.string(),
  slot: z.number().int(),
  table: z.number().int(),
  start: z.string(),
  end: z.string(),
  sequence: z.number().int(),
  cancelled: z.boolean(),
});
export const EventSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    plan: z.object({
      date: z.string(),
      start: z.string(),
      slotMinutes: z.number(),
      slotCount: z.number(),
      gapMinutes: z.number(),
      breaks: z.array(z.object({ afterSlot: z.number(), minutes: z.number() })),
    }),
    slots: z.array(z.object({ start: z.string(), minutes: z.number() })),
    tables: z.number().int(),
    maxMeetings: z.number().int().nullable(),
    minMeetings: z.number().int(),
    allowSameCountry: z.boolean(),
    participants: z.array(ParticipantSchema),
    pins: z.array(MeetingSchema),
    removedPairs: z.array(z.tuple([z.string(), z.string()])),
    agenda: z.array(MeetingSchema).nullable(),
    scheduledAt: z.string().nullable(),
    version: VersionField,
    calendar: z.array(CalendarEntrySchema).optional(),
    changes: ChangesSchema.nullable().optional(),
  })
  .meta({ id: 'Event' });
const ref = z.object({ id: z.string(), name: z.string(), country: z.string() });
const agendaMeeting = {
  slot: z.number().int(),
  start: z.string(),
  end: z.string(),
  table: z.number().int(),
  pinned: z.boolean(),
  score: z.number(),
  wish: z.enum(['mutual', 'one-sided']).nullable(),
};
const eventHead = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  slots: z.array(z.object({ start: z.string(), minutes: z.number() })),
  tables: z.number(),
  scheduledAt: z.string().nullable(),
});
export const AgendaSchema = z
  .object({
    event: eventHead,
    meetings: z.array(z.object({ ...agendaMeeting, a: ref, b: ref })),
    statistics: z.object({
      meetings: z.number(),
      perParticipant: z.object({ min: z.number(), median: z.number(), max: z.number() }),
      wishes: z.object({
        mutualPairs: z.number(),
        mutualMet: z.number(),
        mutualPossible: z.number(),
        oneSided: z.number(),
        oneSidedMet: z.number(),
        oneSidedPossible: z.number(),
      }),
      crossBorderShare: z.number(),
      totalScore: z.number(),
      objective: z.number(),
      upperBound: z.number(),
      gapToBound: z.number(),
    }),
  })
  .meta({ id: 'Agenda', description: 'Times carry the venue’s offset; slot and table numbers are 0-based here, 1-based in CSV and calendars.' });
const ParticipantAgendaSchema = z
  .object({
    event: eventHead,
    participant: ref,
    meetings: z.array(z.object({ ...agendaMeeting, with: ref, sequence: z.number().int().optional() })),
    cancelled: z
      .array(z.object({ with: ref, slot: z.number().int(), table: z.number().int(), start: z.string(), end: z.string(), sequence: z.number().int() }))
      .optional(),
  })
  .meta({ id: 'ParticipantAgenda' });

export const EVENT_ROUTES: RouteDef[] = [
  route({
    method: 'post',
    path: '/api/v1/events',
    tag: TAG,
    role: 'staff',
    summary: 'Create an event: slots from date, start, length, gaps and breaks in the venue time zone',
    body: EventInputSchema,
    responses: {
      201: { description: 'Created (`warnings` names a date already past, accepted all the same)', schema: EventSchema.extend({ warnings: WarningsSchema }) },
      400: problem('Invalid'),
      409: problem('Id taken'),
    },
    async handle({ engine, body }) {
      const event = await createEvent(engine, body);
      return { status: 201, body: { ...event, version: 1, warnings: eventWarnings(event, new Date()) }, version: 1 };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/events',
    tag: TAG,
    role: 'staff',
    summary: 'List events',
    responses: { 200: { description: 'Events', schema: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), updatedAt: z.string() })) }) } },
    async handle({ engine }) {
      return { body: { items: await listEvents(engine.repo) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/events/{id}',
    tag: TAG,
    role: 'staff',
    summary: 'One event with participants, pins and agenda (with its version, also as ETag)',
    params: IdParams,
    responses: { 200: { description: 'The event', schema: EventSchema }, 404: problem('No such event') },
    async handle({ engine, params }) {
      const { value, version } = await getVersionedEvent(engine, params.id);
      return { body: { ...value, version }, version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/events/{id}',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    body: EventPatchSchema,
    summary:
      'Change the settings the body names (the rest keep theirs); a new slot layout drops pins, any rule change clears the agenda; with If-Match only if still at that version',
    responses: {
      200: { description: 'Changed (`warnings` names a date already past, accepted all the same)', schema: EventSchema.extend({ warnings: WarningsSchema }) },
      400: problem('Invalid'),
      404: problem('No such event'),
      412: problem('Changed meanwhile: nothing was changed'),
    },
    async handle({ engine, params, body, ifMatch }) {
      const { value, version } = await patchEvent(engine, params.id, body, ifMatch);
      return { body: { ...value, version, warnings: eventWarnings(value, new Date()) }, version };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/events/{id}',
    tag: TAG,
    role: 'staff',
    summary: 'Delete an event; with If-Match only if still at that version',
    params: IdParams,
    responses: { 200: { description: 'Deleted', schema: ok }, 404: problem('No such event'), 412: problem('Changed meanwhile: nothing was deleted') },
    async handle({ engine, params, ifMatch }) {
      await deleteEvent(engine, params.id, ifMatch);
      return { body: { ok: true } };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/events/{id}/participants',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    body: ParticipantInputSchema,
    summary: 'Register a participant: an existing company (`companyId`) or a new profile (`company`), with availability, wishes and blocks',
    responses: {
      201: { description: 'Registered', schema: ParticipantSchema },
      400: problem('Invalid'),
      404: problem('No such event or company'),
      409: problem('Already registered'),
    },
    async handle({ engine, params, body }) {
      return { status: 201, body: await addParticipant(engine, params.id, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/events/{id}/participants',
    tag: TAG,
    role: 'staff',
    summary: 'Participants with their company names',
    params: IdParams,
    responses: {
      200: { description: 'Participants', schema: z.object({ items: z.array(ParticipantSchema.extend({ company: ref })) }) },
      404: problem('No such event'),
    },
    async handle({ engine, params }) {
      return { body: { items: await listParticipants(engine, params.id) } };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/events/{id}/participants/{companyId}',
    tag: TAG,
    role: 'staff',
    summary: 'Change availability, wishes or blocks',
    params: ParticipantParams,
    body: ParticipantPatchSchema,
    responses: { 200: { description: 'Changed', schema: ParticipantSchema }, 400: problem('Invalid'), 404: problem('Not a participant') },
    async handle({ engine, params, body }) {
      return { body: await patchParticipant(engine, params.id, params.companyId, body) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/events/{id}/participants/{companyId}',
    tag: TAG,
    role: 'staff',
    summary: 'Unregister a participant with its meetings',
    params: ParticipantParams,
    responses: { 200: { description: 'Removed', schema: ok }, 404: problem('Not a participant') },
    async handle({ engine, params }) {
      await removeParticipant(engine, params.id, params.companyId);
      return { body: { ok: true } };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/events/{id}/participants/{companyId}/suggestions',
    tag: TAG,
    role: 'staff',
    params: ParticipantParams,
    query: z.strictObject({ limit: decimalInt(1, 100).default(10) }),
    summary: 'Suggested meetings among the event’s participants (cross-border partners, with reasons), to prepare wishes',
    responses: { 200: { description: 'Ranked participants', schema: PartnerResponseSchema }, 404: problem('Not a participant') },
    async handle({ engine, params, query }) {
      const event = await getEvent(engine, params.id);
      participantOf(event, params.companyId);
      const among = new Set(event.participants.map((p) => p.companyId));
      return { body: await partnersForCompany(engine, params.companyId, { limit: (query as { limit: number }).limit }, among) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/events/{id}/schedule',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    // No `body` in the route: it is optional (an empty POST keeps working); the use-case parses it.
    summary:
      'Generate the agenda (pinned meetings stay). Optional body `{ "mode": "keep" | "replan" }`: `keep` (default) keeps every meeting still allowed in its slot and table and fills around them; `replan` plans from scratch. Answers the agenda with statistics and `changes`. 422 when pins cannot all hold: nothing is changed',
    responses: {
      200: { description: 'The new agenda', schema: AgendaSchema.extend({ changes: ChangesSchema }) },
      400: problem('Invalid mode'),
      404: problem('No such event'),
      409: problem('Changed meanwhile'),
      422: problem('Pins infeasible'),
    },
    async handle({ engine, params, body }) {
      return { body: await scheduleEvent(engine, params.id, undefined, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/events/{id}/agenda',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    query: FormatQuery(['json', 'csv']),
    summary: 'The whole agenda with statistics; `format=csv` for a spreadsheet',
    responses: { 200: { description: 'The agenda', schema: AgendaSchema }, 404: problem('No such event') },
    async handle({ engine, params, query }) {
      const view = await agendaView(engine, params.id);
      if ((query as { format: string }).format === 'csv')
        return { body: agendaCsv(view), type: 'text/csv; charset=utf-8', disposition: attachmentDisposition([view.event.name, 'agenda'], 'csv') };
      return { body: view };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/events/{id}/participants/{companyId}/agenda',
    tag: TAG,
    role: 'staff',
    params: ParticipantParams,
    query: FormatQuery(['json', 'csv', 'ics']),
    summary: 'One participant’s agenda: JSON, CSV, or an iCalendar file in the venue’s time zone',
    responses: { 200: { description: 'The participant’s meetings', schema: ParticipantAgendaSchema }, 404: problem('Not a participant') },
    async handle({ engine, params, query }) {
      const agenda = await participantAgenda(engine, params.id, params.companyId);
      const format = (query as { format: string }).format;
      const named = [agenda.event.name, agenda.participant.name];
      if (format === 'csv') return { body: participantCsv(agenda), type: 'text/csv; charset=utf-8', disposition: attachmentDisposition(named, 'csv') };
      if (format === 'ics') return { body: participantIcs(agenda), type: 'text/calendar; charset=utf-8', disposition: attachmentDisposition(named, 'ics') };
      return { body: agenda };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/events/{id}/pins',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    body: PinSchema,
    summary: 'Pin a meeting (given slot and table, or where the pair meets now); it stays through re-runs',
    responses: {
      201: { description: 'Pinned', schema: MeetingSchema },
      400: problem('Invalid'),
      404: problem('Not a participant'),
      422: problem(
        'The pin breaks a rule of the event (same country, blocked pair, cap, availability) or collides with another pin (same table and slot, or a participant twice in a slot): the problem names it',
      ),
    },
    async handle({ engine, params, body }) {
      return { status: 201, body: await pinMeeting(engine, params.id, body) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/events/{id}/pins',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    query: PairQuery,
    summary: 'Unpin the meeting of pair `a`, `b`',
    responses: { 200: { description: 'Unpinned', schema: ok }, 404: problem('No such pin') },
    async handle({ engine, params, query }) {
      await unpinMeeting(engine, params.id, query);
      return { body: { ok: true } };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/events/{id}/removed-pairs',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    body: PairSchema,
    summary: 'Remove a meeting: the pair leaves the agenda and is not scheduled again',
    responses: { 201: { description: 'Removed', schema: ok }, 409: problem('The meeting is pinned') },
    async handle({ engine, params, body }) {
      await removeMeeting(engine, params.id, body);
      return { status: 201, body: { ok: true } };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/events/{id}/removed-pairs',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    query: PairQuery,
    summary: 'Allow a removed pair again',
    responses: { 200: { description: 'Allowed again', schema: ok } },
    async handle({ engine, params, query }) {
      await restorePair(engine, params.id, query);
      return { body: { ok: true } };
    },
  }),
];
