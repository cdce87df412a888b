// How `npm run event -- schedule EVENT_ID` reports an agenda on the terminal.
import { plainTable } from './table.js';
import type { AgendaView, ScheduledAgenda } from '../use-cases/event-agenda.js';

export function describeAgenda(view: AgendaView | ScheduledAgenda): string {
  const s = view.statistics;
  const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(1)} %` : 'none asked');
  const table = plainTable({ head: [`Agenda of ${view.event.name}`, ''] });
  table.push(
    ['Meetings', String(s.meetings)],
    ['Per participant (min / median / max)', `${s.perParticipant.min} / ${s.perParticipant.median} / ${s.perParticipant.max}`],
    [
      'Mutual wishes met',
      `${s.wishes.mutualMet} of ${s.wishes.mutualPairs} (${pct(s.wishes.mutualMet, s.wishes.mutualPairs)}); ${s.wishes.mutualPossible} allowed by the rules`,
    ],
    [
      'One-sided wishes met',
      `${s.wishes.oneSidedMet} of ${s.wishes.oneSided} (${pct(s.wishes.oneSidedMet, s.wishes.oneSided)}); ${s.wishes.oneSidedPossible} allowed by the rules`,
    ],
    ['Cross-border share', pct(s.crossBorderShare, 1)],
    ['Total match score', s.totalScore.toFixed(2)],
    ['Gap to the upper bound', `${(100 * s.gapToBound).toFixed(2)} %`],
  );
  if ('changes' in view) {
    const c = view.changes;
    table.push(['Against the last run', `kept ${c.kept}, added ${c.added}, moved ${c.moved}, cancelled ${c.cancelled}`]);
  }
  return table.toString();
}
