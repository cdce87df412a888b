// Matchmaking events: the event, its participants and its agenda, and the input schemas.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { dateIn } from './deadlines.js';
import { CompanyInputSchema, IdSchema, IsoDateSchema, patchOf, plainText, singleLine } from './schemas.js';

export interface Slot {
  /** ISO 8601 with the venue's offset, e.g. 2027-03-10T09:00:00.000+02:00. */
  start: string;
  minutes: number;
}

export interface Wish {
  companyId: string;
  /** 1 = most wanted, 3 = nice to have. */
  priority: 1 | 2 | 3;
}

export interface Meeting {
  a: string;
  b: string;
  slot: number;
  table: number;
  pinned?: boolean;
}

/** One side's view of a meeting in a change list: who with, where and when. */
export interface MeetingRef {
  /** The company id of the other participant. */
  with: string;
  slot: number;
  table: number;
  start: string;
  end: string;
}

export interface ParticipantChanges {
  companyId: string;
  added: MeetingRef[];
  moved: { before: MeetingRef; after: MeetingRef }[];
  cancelled: MeetingRef[];
}

/** What a schedule run changed against the agenda calendars last received. */
export interface ScheduleChanges {
  kept: number;
  added: number;
  moved: number;
  cancelled: number;
  /** Only participants with at least one change. */
  participants: ParticipantChanges[];
}

/**
 * One meeting as calendars last received it. A pair keeps one calendar entry per event (its UID),
 * whose SEQUENCE grows by one each time the meeting moves, is cancelled or comes back.
 */
export interface CalendarEntry {
  a: string;
  b: string;
  slot: number;
  table: number;
  start: string;
  end: string;
  sequence: number;
  cancelled: boolean;
}

export interface EventParticipant {
  companyId: string;
  /** Slot indexes the participant can attend. */
  availability: number[];
  wishes: Wish[];
  /** Companies this participant must never be scheduled with. */
  blocks: string[];
}

export interface SlotPlan {
  date: string;
  /** Local start of the first slot in the venue's time zone, HH:MM. */
  start: string;
  slotMinutes: number;
  slotCount: number;
  /** Minutes between consecutive slots (changing tables). */
  gapMinutes: number;
  breaks: { afterSlot: number; minutes: number }[];
}

export interface MatchEvent {
  id: string;
  name: string;
  /** IANA time zone of the venue, e.g. Europe/Helsinki. */
  timeZone: string;
  plan: SlotPlan;
  slots: Slot[];
  tables: number;
  maxMeetings: number | null;
  minMeetings: number;
  allowSameCountry: boolean;
  participants: EventParticipant[];
  pins: Meeting[];
  removedPairs: [string, string][];
  /** Null until scheduled; cleared when the slot layout changes. */
  agenda: Meeting[] | null;
  scheduledAt: string | null;
  /** Every meeting ever sent out, as of the last schedule run (absent on events never scheduled since). */
  calendar?: CalendarEntry[];
  /** What the last schedule run changed; null before the first. */
  changes?: ScheduleChanges | null;
}

const validZone = (zone: string) => DateTime.local().setZone(zone).isValid;
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

const SlotPlanSchema = z.strictObject({
  date: IsoDateSchema,
  start: clock,
  slotMinutes: z.number().int().min(5).max(240),
  slotCount: z.number().int().min(1).max(64),
  gapMinutes: z.number().int().min(0).max(120).default(0),
  breaks: z
    .array(z.strictObject({ afterSlot: z.number().int().min(0).max(63), minutes: z.number().int().min(1).max(600) }))
    .max(20)
    .default([]),
});

export const EventInputSchema = z.strictObject({
  id: IdSchema,
  name: singleLine(plainText(200, 1)).transform((s) => s.trim()),
  timeZone: z.string().refine(validZone, 'must be an IANA time zone such as Europe/Helsinki'),
  ...SlotPlanSchema.shape,
  tables: z.number().int().min(1).max(2_000),
  maxMeetings: z.number().int().min(1).max(64).nullish(),
  minMeetings: z.number().int().min(0).max(64).default(2),
  allowSameCountry: z.boolean().default(false),
});

/** Omitted settings keep their stored values (no defaults here; see `patchOf`). */
export const EventPatchSchema = patchOf(EventInputSchema);

/** What an event's input sets, without its id: the slot plan, the tables and the rules. */
export type EventSettings = Omit<z.output<typeof EventInputSchema>, 'id' | 'maxMeetings'> & { maxMeetings: number | null };

const WishSchema = z.strictObject({ companyId: IdSchema, priority: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2) });

export const ParticipantInputSchema = z
  .strictObject({
    /** An existing company … */
    companyId: IdSchema.optional(),
    /** … or a new profile, created on the fly. */
    company: CompanyInputSchema.optional(),
    availability: z.array(z.number().int().min(0).max(63)).max(64).optional(),
    wishes: z.array(WishSchema).max(100).default([]),
    blocks: z.array(IdSchema).max(100).default([]),
  })
  .refine((p) => (p.companyId === undefined) !== (p.company === undefined), { message: 'give either companyId or company, not both', path: ['companyId'] });

export const ParticipantPatchSchema = z.strictObject({
  availability: z.array(z.number().int().min(0).max(63)).max(64).optional(),
  wishes: z.array(WishSchema).max(100).optional(),
  blocks: z.array(IdSchema).max(100).optional(),
});

export const PairSchema = z
  .strictObject({ a: IdSchema, b: IdSchema })
  .refine((p) => p.a !== p.b, { message: 'a pair is two different companies', path: ['b'] });
export const PinSchema = z.strictObject({ a: IdSchema, b: IdSchema, slot: z.number().int().min(0).optional(), table: z.number().int().min(0).optional() });

/** `keep` (default): meetings still allowed stay where they are; `replan`: plan from scratch. */
export const ScheduleRequestSchema = z.strictObject({ mode: z.enum(['keep', 'replan']).default('keep') }).default({ mode: 'keep' });

/** Slot start times from the plan, in the venue's zone (summer time handled by the zone rules). */
export function slotsOf(plan: SlotPlan, timeZone: string): Slot[] {
  const [hour, minute] = plan.start.split(':').map(Number) as [number, number];
  let at = DateTime.fromISO(plan.date, { zone: timeZone }).set({ hour, minute });
  const slots: Slot[] = [];
  for (let i = 0; i < plan.slotCount; i++) {
    slots.push({ start: at.toISO({ suppressMilliseconds: true })!, minutes: plan.slotMinutes });
    const pause = plan.breaks.filter((b) => b.afterSlot === i).reduce((s, b) => s + b.minutes, 0);
    at = at.plus({ minutes: plan.slotMinutes + plan.gapMinutes + pause });
  }
  return slots;
}

export function toMatchEvent(input: z.output<typeof EventInputSchema>): MatchEvent {
  const { id, ...settings } = input;
  return {
    id,
    ...settingsPart({ ...settings, maxMeetings: settings.maxMeetings ?? null }),
    participants: [],
    pins: [],
    removedPairs: [],
    agenda: null,
    scheduledAt: null,
  };
}

/** The part of an event its settings decide, the slots laid out in the venue's zone (creating and patching alike). */
export function settingsPart(
  settings: EventSettings,
): Pick<MatchEvent, 'name' | 'timeZone' | 'plan' | 'slots' | 'tables' | 'maxMeetings' | 'minMeetings' | 'allowSameCountry'> {
  const { name, timeZone, tables, maxMeetings, minMeetings, allowSameCountry, ...plan } = settings;
  return { name, timeZone, plan, slots: slotsOf(plan, timeZone), tables, maxMeetings, minMeetings, allowSameCountry };
}

/** Something staff should know about an accepted change, e.g. a date already past. */
export interface EventWarning {
  code: 'date-in-past';
  path: string;
  message: string;
}

/** Warnings about an event as it stands: a date before today at the venue is allowed (events are recorded afterwards too) but said. */
export function eventWarnings(event: Pick<MatchEvent, 'plan' | 'timeZone'>, now: Date): EventWarning[] {
  const today = dateIn(event.timeZone, now);
  if (event.plan.date < today)
    return [{ code: 'date-in-past', path: 'date', message: `${event.plan.date} is before today at the venue (${today} in ${event.timeZone})` }];
  return [];
}
