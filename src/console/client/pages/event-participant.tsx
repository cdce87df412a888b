// One participant's settings beside the list: the slots they can attend, companies they must
// not meet, and wishes given (to any participant, found by name) and received.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Country, ProblemView } from '../components/ui';
import { useAnnounce } from '../announcer';
import { useAction } from '../hooks';
import { localTime } from '../labels';
// The service's own letter folding, so "smorrebrod" finds "Smørrebrød" here as in its search.
import { foldText as fold } from '../../../domain/search-words';
import type { MatchEvent, Participant, Ref } from '../types';

export type ParticipantRow = Participant & { company: Ref };

export const PRIORITIES: Record<number, string> = { 1: 'Must meet', 2: 'Want to meet', 3: 'Nice to meet' };

/** The three wish priorities as options of a select, most urgent first. */
export const PriorityOptions = () => (
  <>
    {[1, 2, 3].map((p) => (
      <option key={p} value={String(p)}>
        {PRIORITIES[p]}
      </option>
    ))}
  </>
);

/** What the blocks and wishes editors of one participant are given. */
interface ListEditorProps<T> {
  participant: ParticipantRow;
  all: ParticipantRow[];
  busy: boolean;
  onSave(value: T, said: string): void;
}

interface Props {
  base: string;
  event: MatchEvent;
  participant: ParticipantRow;
  all: ParticipantRow[];
  onChange(): Promise<void>;
}

export function ParticipantSettings(props: Props) {
  const { participant: p } = props;
  const path = `${props.base}/participants/${encodeURIComponent(p.companyId)}`;
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const save = (patch: Partial<Participant>, said: string) =>
    run(async () => {
      await api('PATCH', path, patch);
      await props.onChange();
      announce(said);
    });
  return (
    <div class="participant-settings">
      <ProblemView error={error} title="Not saved." />
      <Availability
        event={props.event}
        participant={p}
        busy={busy}
        onSave={(availability) => save({ availability }, `Availability of ${p.company.name} saved.`)}
      />
      <Blocks participant={p} all={props.all} busy={busy} onSave={(blocks, name) => save({ blocks }, name)} />
      <Wishes participant={p} all={props.all} busy={busy} onSave={(wishes, said) => save({ wishes }, said)} />
    </div>
  );
}

function Availability({ event, participant, busy, onSave }: { event: MatchEvent; participant: ParticipantRow; busy: boolean; onSave(slots: number[]): void }) {
  const [slots, setSlots] = useState(new Set(participant.availability));
  const toggle = (s: number, on: boolean) =>
    setSlots((cur) => {
      const next = new Set(cur);
      if (on) next.add(s);
      else next.delete(s);
      return next;
    });
  return (
    <fieldset class="checkboxes">
      <legend>Available at</legend>
      <div class="options">
        {event.slots.map((slot, s) => (
          <label key={slot.start} class="check">
            <input type="checkbox" checked={slots.has(s)} onChange={(e) => toggle(s, (e.target as HTMLInputElement).checked)} />{' '}
            {localTime(slot.start, event.timeZone)}
          </label>
        ))}
      </div>
      <button type="button" class="small" disabled={busy} onClick={() => onSave([...slots].sort((a, b) => a - b))}>
        Save availability
      </button>
    </fieldset>
  );
}

function Blocks({ participant, all, busy, onSave }: ListEditorProps<string[]>) {
  const [chosen, setChosen] = useState('');
  const others = all.filter((o) => o.companyId !== participant.companyId && !participant.blocks.includes(o.companyId));
  const name = (id: string) => all.find((o) => o.companyId === id)?.company.name ?? id;
  return (
    <fieldset>
      <legend>Never schedule with</legend>
      {!participant.blocks.length && <p class="muted">No blocks.</p>}
      <ul class="plain">
        {participant.blocks.map((b) => (
          <li key={b}>
            {name(b)}{' '}
            <button
              type="button"
              class="small secondary"
              disabled={busy}
              aria-label={`Allow ${name(b)} again`}
              onClick={() =>
                onSave(
                  participant.blocks.filter((x) => x !== b),
                  `${name(b)} may be scheduled with ${participant.company.name} again.`,
                )
              }
            >
              Allow
            </button>
          </li>
        ))}
      </ul>
      <div class="field inline">
        <label for="block-with">Block</label>
        <select id="block-with" value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
          <option value="">Choose a participant</option>
          {others.map((o) => (
            <option key={o.companyId} value={o.companyId}>
              {o.company.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="small"
          disabled={busy || !chosen}
          onClick={() => {
            onSave([...participant.blocks, chosen], `${participant.company.name} will not be scheduled with ${name(chosen)}.`);
            setChosen('');
          }}
        >
          Block
        </button>
      </div>
    </fieldset>
  );
}

function Wishes({ participant, all, busy, onSave }: ListEditorProps<Participant['wishes']>) {
  const [words, setWords] = useState('');
  const [priority, setPriority] = useState<1 | 2 | 3>(2);
  const name = (id: string) => all.find((o) => o.companyId === id)?.company.name ?? id;
  const received = all.flatMap((o) => o.wishes.filter((w) => w.companyId === participant.companyId).map((w) => ({ from: o, priority: w.priority })));
  const wished = new Set(participant.wishes.map((w) => w.companyId));
  const folded = fold(words.trim());
  const found = folded
    ? all.filter((o) => o.companyId !== participant.companyId && !wished.has(o.companyId) && fold(o.company.name).includes(folded)).slice(0, 8)
    : [];
  const add = (o: ParticipantRow) => {
    onSave(
      [...participant.wishes, { companyId: o.companyId, priority }],
      `Wish saved: ${participant.company.name} ${PRIORITIES[priority]?.toLowerCase()} ${o.company.name}.`,
    );
    setWords('');
  };
  return (
    <fieldset>
      <legend>Wishes</legend>
      <h4>Given</h4>
      {!participant.wishes.length && <p class="muted">None yet.</p>}
      <ul class="plain">
        {participant.wishes.map((w) => (
          <li key={w.companyId}>
            {PRIORITIES[w.priority]}: {name(w.companyId)}{' '}
            <button
              type="button"
              class="small secondary"
              disabled={busy}
              aria-label={`Remove the wish to meet ${name(w.companyId)}`}
              onClick={() =>
                onSave(
                  participant.wishes.filter((x) => x.companyId !== w.companyId),
                  'Wish removed.',
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <h4>Received</h4>
      {!received.length && <p class="muted">Nobody has asked to meet {participant.company.name} yet.</p>}
      <ul class="plain" aria-label="Wishes received">
        {received.map((r) => (
          <li key={r.from.companyId}>
            {r.from.company.name} <Country code={r.from.company.country} />: {PRIORITIES[r.priority]?.toLowerCase()}
          </li>
        ))}
      </ul>
      <div class="row">
        <div class="field">
          <label for="wish-search">Wish to meet (search participants)</label>
          <input id="wish-search" type="search" value={words} autoComplete="off" onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="wish-priority">Priority</label>
          <select id="wish-priority" value={String(priority)} onChange={(e) => setPriority(Number((e.target as HTMLSelectElement).value) as 1 | 2 | 3)}>
            <PriorityOptions />
          </select>
        </div>
      </div>
      {folded && (
        <ul class="plain found" aria-label="Participants found">
          {!found.length && <li class="muted">No other participant has that name.</li>}
          {found.map((o) => (
            <li key={o.companyId}>
              {o.company.name} <Country code={o.company.country} />{' '}
              <button type="button" class="small" disabled={busy} aria-label={`Wish to meet ${o.company.name}`} onClick={() => add(o)}>
                Wish
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
