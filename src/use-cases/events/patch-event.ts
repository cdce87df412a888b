// Changing an event's settings: only those the body names; a new slot layout drops pins, a rule change the agenda.
import { EventPatchSchema, mergePatch, settingsPart, type EventSettings, type MatchEvent } from '../../domain/index.js';
import type { Versioned } from '../../db/index.js';
import { parseOrThrow } from '../../validation/index.js';
import { changeEvent, type EventWriter } from './event-store.js';

/** Changes exactly the settings the body names; the rest keep their stored values. */
export async function patchEvent(engine: EventWriter, id: string, body: unknown, ifMatch?: number): Promise<Versioned<MatchEvent>> {
  const patch = parseOrThrow(EventPatchSchema, body, 'event patch');
  return changeEvent(engine, id, (e) => withSettings(e, mergePatch(settingsOf(e), patch)), ifMatch);
}

/** The settings of an event as its input names them (the slot plan flattened). */
function settingsOf(e: MatchEvent): EventSettings {
  return {
    name: e.name,
    timeZone: e.timeZone,
    ...e.plan,
    tables: e.tables,
    maxMeetings: e.maxMeetings,
    minMeetings: e.minMeetings,
    allowSameCountry: e.allowSameCountry,
  };
}

function withSettings(e: MatchEvent, settings: EventSettings): MatchEvent {
  const next: MatchEvent = { ...e, ...settingsPart(settings) };
  if (JSON.stringify(next.slots) !== JSON.stringify(e.slots)) {
    // A new slot layout invalidates positions: pins go, availability keeps the slots that still exist.
    next.pins = [];
    next.participants = e.participants.map((p) => ({ ...p, availability: p.availability.filter((s) => s < next.slots.length) }));
  }
  // Any rule change makes the agenda stale; only a new name keeps it.
  const rules = (x: MatchEvent) => JSON.stringify({ ...settingsOf(x), name: undefined });
  if (rules(next) !== rules(e)) next.agenda = null;
  return next;
}
