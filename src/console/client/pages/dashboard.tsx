// What a network manager reports to funders, as charts with their numbers one click away.
import { BarChart } from '../components/bar-chart';
import { Loading, PageTitle, ProblemView } from '../components/ui';
import { useApi } from '../hooks';
import { codeLabel, countryName } from '../labels';
import type { NetworkStats } from '../types';

export function Dashboard() {
  const { data: s, error } = useApi<NetworkStats>('/api/v1/stats');
  return (
    <>
      <PageTitle text="Dashboard" />
      <ProblemView error={error} title="Could not load the figures." />
      {!s && !error && <Loading what="the figures" />}
      {s && <Figures s={s} />}
    </>
  );
}

function Figures({ s }: { s: NetworkStats }) {
  const m = s.matches;
  return (
    <>
      <ul class="tiles" aria-label="Key figures">
        <Tile value={s.companies.total} label="companies" />
        <Tile value={s.clusters.total} label="clusters" />
        <Tile value={m.suggested.total} label="cross-border matches suggested" />
        <Tile value={m.accepted.total} label="cross-border matches accepted" />
        <Tile value={s.events.held} label={`events held (${s.events.upcoming} coming)`} />
        <Tile value={s.opportunities.matched} label={`of ${s.opportunities.open} open opportunities matched`} />
      </ul>
      <div class="charts">
        <BarChart
          id="by-country"
          title="Companies per country"
          labels={s.companies.byCountry.map((c) => countryName(c.key))}
          series={[{ label: 'Companies', values: s.companies.byCountry.map((c) => c.n) }]}
        />
        <BarChart
          id="matches"
          title="Cross-border matches, suggested and accepted"
          labels={['Event meetings', 'Introductions', 'Reviewed in the console']}
          series={[
            { label: 'Suggested', values: [m.suggested.eventMeetings, m.suggested.introductionRequests, m.suggested.reviewedSuggestions] },
            { label: 'Accepted', values: [m.accepted.meetingsHeld, m.accepted.introductionsMade, m.accepted.goodSuggestions] },
          ]}
        />
        <BarChart
          id="by-sector"
          title="Companies per sector"
          horizontal
          height={Math.max(240, s.companies.bySector.length * 22)}
          labels={s.companies.bySector.map((c) => codeLabel(c.key))}
          series={[{ label: 'Companies', values: s.companies.bySector.map((c) => c.n) }]}
        />
        <div>
          <BarChart
            id="meetings"
            title="Meetings per event"
            labels={s.events.items.map((e) => `${e.name} (${e.date})`)}
            series={[
              { label: 'Meetings', values: s.events.items.map((e) => e.meetings) },
              { label: 'Cross-border', values: s.events.items.map((e) => e.crossBorderMeetings) },
            ]}
          />
          <BarChart
            id="opportunities"
            title="Export opportunities"
            labels={['All', 'Open', 'Matched']}
            series={[{ label: 'Opportunities', values: [s.opportunities.total, s.opportunities.open, s.opportunities.matched] }]}
            height={180}
          />
        </div>
      </div>
      <details class="definitions">
        <summary>How these figures are counted</summary>
        <ul>
          <li>
            Suggested: cross-border meetings the scheduler put on event agendas, introduction requests from the widget by visitors in another country than the
            company's, and engine suggestions staff reviewed here.
          </li>
          <li>Accepted: those meetings once their event has taken place, introductions staff marked "introduced", and suggestions staff marked good.</li>
          <li>
            An open opportunity is matched when at least one company abroad fits it at a score of {Math.round(s.opportunities.threshold * 100)} % or more (the
            digest threshold).
          </li>
          <li>Generated {new Date(s.generatedAt).toLocaleString('en-GB')}.</li>
        </ul>
      </details>
    </>
  );
}

function Tile({ value, label }: { value: number; label: string }) {
  return (
    <li class="tile">
      <strong>{value.toLocaleString('en-GB')}</strong> <span>{label}</span>
    </li>
  );
}
