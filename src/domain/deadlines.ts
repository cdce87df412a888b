// When an opportunity closes. A deadline is a calendar date in the opportunity's own country:
// a Norwegian tender due 15 March is open until midnight in Oslo, wherever the reader is.
import type { Country } from './vocabulary.js';

export const COUNTRY_TIME_ZONES: Record<Country, string> = {
  FI: 'Europe/Helsinki',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  DK: 'Europe/Copenhagen',
  IS: 'Atlantic/Reykjavik',
  AX: 'Europe/Mariehamn',
  FO: 'Atlantic/Faroe',
  GL: 'America/Nuuk',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `now` in `timeZone`. */
export function dateIn(timeZone: string, now: Date): string {
  let f = formatters.get(timeZone);
  // en-CA formats dates as YYYY-MM-DD.
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(now);
}

/** Open through the whole deadline day in the opportunity's country; no deadline means open. */
export function isOpen(deadline: string | null | undefined, country: string, now: Date): boolean {
  if (!deadline) return true;
  const zone = COUNTRY_TIME_ZONES[country as Country] ?? 'UTC';
  return deadline >= dateIn(zone, now);
}

/** Whole days from `now` (in the opportunity's country) to the deadline; negative when past. */
export function daysLeft(deadline: string, country: string, now: Date): number {
  const today = dateIn(COUNTRY_TIME_ZONES[country as Country] ?? 'UTC', now);
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
