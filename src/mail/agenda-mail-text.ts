// The agenda mail's words in each language the profiles know; English for the rest. Times are
// written in the venue's zone, as the attached calendar file has them.
import { DateTime } from 'luxon';
import type { Language } from '../domain/index.js';

export interface AgendaMailInput {
  eventName: string;
  timeZone: string;
  participantName: string;
  meetings: { start: string; end: string; table: number; with: { name: string; country: string } }[];
  /** True when an earlier version of this agenda was mailed. */
  update: boolean;
}

interface Words {
  subject(event: string): string;
  updateSubject(event: string): string;
  greeting(name: string): string;
  intro(n: number, event: string): string;
  none(event: string): string;
  table: string;
  zone(zone: string): string;
  calendar: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    subject: (e) => `Your meetings at ${e}`,
    updateSubject: (e) => `Updated: your meetings at ${e}`,
    greeting: (n) => `Hello ${n},`,
    intro: (n, e) => `you have ${n} meeting${n === 1 ? '' : 's'} at ${e}:`,
    none: (e) => `you have no meetings scheduled at ${e} at the moment.`,
    table: 'table',
    zone: (z) => `Times are in the venue's time zone (${z}).`,
    calendar: 'The attached calendar file adds the meetings to your calendar; importing a newer one updates them.',
  },
  sv: {
    subject: (e) => `Dina möten på ${e}`,
    updateSubject: (e) => `Uppdaterat: dina möten på ${e}`,
    greeting: (n) => `Hej ${n},`,
    intro: (n, e) => `du har ${n} ${n === 1 ? 'möte' : 'möten'} på ${e}:`,
    none: (e) => `du har för närvarande inga möten inbokade på ${e}.`,
    table: 'bord',
    zone: (z) => `Tiderna anges i arrangemangets tidszon (${z}).`,
    calendar: 'Den bifogade kalenderfilen lägger in mötena i din kalender; en nyare fil uppdaterar dem.',
  },
  fi: {
    subject: (e) => `Tapaamisesi: ${e}`,
    updateSubject: (e) => `Päivitetty: tapaamisesi, ${e}`,
    greeting: (n) => `Hei ${n},`,
    intro: (n, e) => `sinulla on ${n} ${n === 1 ? 'tapaaminen' : 'tapaamista'} tapahtumassa ${e}:`,
    none: (e) => `sinulle ei ole tällä hetkellä sovittu tapaamisia tapahtumassa ${e}.`,
    table: 'pöytä',
    zone: (z) => `Ajat ovat tapahtumapaikan aikavyöhykkeellä (${z}).`,
    calendar: 'Liitteenä oleva kalenteritiedosto lisää tapaamiset kalenteriisi; uudempi tiedosto päivittää ne.',
  },
  nb: {
    subject: (e) => `Dine møter på ${e}`,
    updateSubject: (e) => `Oppdatert: dine møter på ${e}`,
    greeting: (n) => `Hei ${n},`,
    intro: (n, e) => `du har ${n} ${n === 1 ? 'møte' : 'møter'} på ${e}:`,
    none: (e) => `du har foreløpig ingen møter på ${e}.`,
    table: 'bord',
    zone: (z) => `Tidene er i arrangementets tidssone (${z}).`,
    calendar: 'Den vedlagte kalenderfilen legger møtene inn i kalenderen din; en nyere fil oppdaterer dem.',
  },
  nn: {
    subject: (e) => `Møta dine på ${e}`,
    updateSubject: (e) => `Oppdatert: møta dine på ${e}`,
    greeting: (n) => `Hei ${n},`,
    intro: (n, e) => `du har ${n} møte på ${e}:`,
    none: (e) => `du har førebels ingen møte på ${e}.`,
    table: 'bord',
    zone: (z) => `Tidene er i tidssona til arrangementet (${z}).`,
    calendar: 'Den vedlagde kalenderfila legg møta inn i kalenderen din; ei nyare fil oppdaterer dei.',
  },
  da: {
    subject: (e) => `Dine møder på ${e}`,
    updateSubject: (e) => `Opdateret: dine møder på ${e}`,
    greeting: (n) => `Hej ${n},`,
    intro: (n, e) => `du har ${n} ${n === 1 ? 'møde' : 'møder'} på ${e}:`,
    none: (e) => `du har i øjeblikket ingen møder på ${e}.`,
    table: 'bord',
    zone: (z) => `Tiderne er i arrangementets tidszone (${z}).`,
    calendar: 'Den vedhæftede kalenderfil lægger møderne i din kalender; en nyere fil opdaterer dem.',
  },
  is: {
    subject: (e) => `Fundirnir þínir á ${e}`,
    updateSubject: (e) => `Uppfært: fundirnir þínir á ${e}`,
    greeting: (n) => `Halló ${n},`,
    intro: (n, e) => `þú átt ${n} ${n === 1 ? 'fund' : 'fundi'} á ${e}:`,
    none: (e) => `þú átt enga fundi á ${e} eins og er.`,
    table: 'borð',
    zone: (z) => `Tímar eru á tímabelti viðburðarins (${z}).`,
    calendar: 'Meðfylgjandi dagatalsskrá setur fundina í dagatalið þitt; nýrri skrá uppfærir þá.',
  },
};

/** Subject and plain text of one participant's agenda mail, in `language` (English when unknown). */
export function agendaMailText(input: AgendaMailInput, language: Language | null): { subject: string; text: string } {
  const lang: Language = language && language in WORDS ? language : 'en';
  const w = WORDS[lang];
  const local = (iso: string) => DateTime.fromISO(iso, { zone: input.timeZone }).setLocale(lang === 'nn' ? 'nb' : lang);
  const lines = input.meetings.map((m) => {
    const start = local(m.start);
    return `- ${start.toFormat('ccc d LLL')} ${start.toFormat('HH:mm')}–${local(m.end).toFormat('HH:mm')}, ${w.table} ${m.table + 1}: ${m.with.name} (${m.with.country})`;
  });
  const body = input.meetings.length ? [w.intro(input.meetings.length, input.eventName), '', ...lines] : [w.none(input.eventName)];
  const text = [w.greeting(input.participantName), '', ...body, '', w.zone(input.timeZone), w.calendar, '', 'NordicHub Partner Match', ''].join('\n');
  return { subject: (input.update ? w.updateSubject : w.subject)(singleLine(input.eventName)), text };
}

// A subject is one header line: a name with a line break must not start another header.
const singleLine = (s: string) => s.replace(/\s+/g, ' ').trim();
