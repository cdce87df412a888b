// Synthetic matchmaking events for the bench and the tests: 16 slots by default, random
// availability (most all day, some morning or afternoon only), wishes leaning to good matches, a
// few blocks, match scores from synthetic profile vectors, and countries as at a real NordicHub
// event: 40 % Finnish, the rest Swedish, Norwegian, Danish and Icelandic.
import type { AgendaProblem, Attendee } from '../../src/events/index.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const OTHER_COUNTRIES = ['SE', 'NO', 'DK', 'IS'];
/** 40 % Finnish (NordicHub events are mostly held in Finland), the rest shared equally. */
const countryOf = (random: () => number) => (random() < 0.4 ? 'FI' : OTHER_COUNTRIES[Math.floor(random() * OTHER_COUNTRIES.length)]!);

export function syntheticEvent(n: number, slotCount: number, seed: number): AgendaProblem {
  const random = rng(seed);
  const dims = 16;
  const topics = Array.from({ length: 8 }, () => Array.from({ length: dims }, () => random() - 0.5));
  const vectors = Array.from({ length: n }, () => {
    const t = topics[Math.floor(random() * topics.length)]!;
    const v = t.map((x) => x + (random() - 0.5) * 0.8);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const index = new Map(ids.map((id, i) => [id, i]));
  const score = (a: string, b: string) => {
    const va = vectors[index.get(a)!]!;
    const vb = vectors[index.get(b)!]!;
    return (1 + va.reduce((s, x, d) => s + x * vb[d]!, 0)) / 2;
  };
  const attendees: Attendee[] = ids.map((id) => {
    // Most stay all day; some come for the morning or the afternoon only.
    const shape = random();
    const from = shape < 0.7 ? 0 : shape < 0.85 ? 0 : Math.floor(slotCount / 2);
    const to = shape < 0.7 ? slotCount : shape < 0.85 ? Math.ceil(slotCount / 2) + 2 : slotCount;
    const availability = Array.from({ length: to - from }, (_, k) => from + k).filter(() => random() > 0.1);
    const wishes = Array.from({ length: Math.floor(random() * 6) }, () => {
      // Wishes lean to good matches: the best of a few random others.
      const candidates = Array.from({ length: 6 }, () => ids[Math.floor(random() * n)]!).filter((c) => c !== id);
      const target = candidates.sort((a, b) => score(id, b) - score(id, a))[0]!;
      return { target, priority: (1 + Math.floor(random() * 3)) as 1 | 2 | 3 };
    }).filter((w, k, all) => all.findIndex((x) => x.target === w.target) === k);
    const blocks = random() < 0.05 ? [ids[Math.floor(random() * n)]!].filter((b) => b !== id) : [];
    return { id, country: countryOf(random), availability, wishes, blocks };
  });
  // Some wishes are returned: a mutual wish.
  for (const a of attendees) {
    for (const w of a.wishes) {
      const b = attendees[index.get(w.target)!]!;
      if (random() < 0.3 && !b.wishes.some((x) => x.target === a.id))
        (b.wishes as { target: string; priority: 1 | 2 | 3 }[]).push({ target: a.id, priority: 1 });
    }
  }
  const slots = Array.from({ length: slotCount }, (_, k) => ({
    start: new Date(Date.UTC(2027, 2, 10, 7, k * 25 + (k >= slotCount / 2 ? 60 : 0))).toISOString(),
    minutes: 20,
  }));
  return {
    setup: { slots, tables: Math.round(n * 0.3), maxMeetings: 10, allowSameCountry: false, minMeetings: 3 },
    attendees,
    score,
    pinned: [],
    removed: [],
  };
}
