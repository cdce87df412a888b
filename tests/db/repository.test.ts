import { describe, expect, it } from 'vitest';
import { toCompany, toMatchEvent, CompanyInputSchema, EventInputSchema, type MatchEvent } from '../../src/domain/index.js';
import { company } from '../fixtures/small-set.js';
import { freshRepositoryPerTest } from './fresh-repository.js';

const db = freshRepositoryPerTest();
const make = (over: Parameters<typeof company>[0]) => toCompany(CompanyInputSchema.parse(company(over)));
const event = (id: string, participants: MatchEvent['participants'] = []): MatchEvent => ({
  ...toMatchEvent(
    EventInputSchema.parse({ id, name: id, timeZone: 'Europe/Helsinki', date: '2030-05-05', start: '09:00', slotMinutes: 20, slotCount: 2, tables: 2 }),
  ),
  participants,
});
const registered = (companyId: string, wishes: string[] = []) => ({
  companyId,
  availability: [0, 1],
  wishes: wishes.map((w) => ({ companyId: w, priority: 1 as const })),
  blocks: [],
});

describe('repository', () => {
  it('round-trips a company with lists and private fields', async () => {
    const c = make({ id: 'a', country: 'FI', sectors: ['ict', 'food'], partnerTypes: ['investor'], contactEmail: 'x@example.org' });
    await db.repo.write({ companies: [c] });
    expect(await db.repo.get('company', 'a')).toEqual(c);
    expect(await db.repo.get('company', 'missing')).toBeNull();
  });

  it('lists with pagination, total and filters by country, sector and cluster', async () => {
    await db.repo.write({
      companies: [
        make({ id: 'a', country: 'FI', sectors: ['ict'] }),
        make({ id: 'b', country: 'SE', sectors: ['ict', 'food'], clusterIds: [] }),
        make({ id: 'c', country: 'SE', sectors: ['food'] }),
        make({ id: 'd', country: 'SE', sectors: ['ai-data'] }),
      ],
    });
    const page = await db.repo.list('company', { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((c) => c.id)).toEqual(['b', 'c']);
    expect((await db.repo.list('company', { limit: 10, offset: 0, country: 'SE', sector: 'food' })).items.map((c) => c.id)).toEqual(['b', 'c']);
    expect((await db.repo.list('company', { limit: 10, offset: 0, sector: 'ict' })).total).toBe(2);
    expect((await db.repo.list('company', { limit: 10, offset: 0, sector: 'ai-data' })).items.map((c) => c.id)).toEqual(['d']);
  });

  it('records every write in the change log, in order', async () => {
    const before = await db.repo.latestChangeSeq();
    await db.repo.write({ companies: [make({ id: 'a', country: 'FI' })] });
    await db.repo.write({ companies: [make({ id: 'a', country: 'FI', name: 'Renamed' })] });
    await db.repo.write({ deletes: [{ entityType: 'company', id: 'a' }] });
    const changes = await db.repo.changesSince(before, 10);
    expect(changes.map((c) => c.op)).toEqual(['upsert', 'upsert', 'delete']);
    expect(changes.map((c) => c.seq)).toEqual([...changes.map((c) => c.seq)].sort((x, y) => x - y));
    expect(await db.repo.get('company', 'a')).toBeNull();
  });

  it('stores vectors exactly and deletes them with their entity', async () => {
    const vector = new Float32Array([0.6, -0.8, 0]);
    await db.repo.write({
      companies: [make({ id: 'a', country: 'FI' })],
      embeddings: [{ entityType: 'company', entityId: 'a', facet: 'profile', modelId: 'm', textHash: 'h', vector }],
    });
    const [stored] = await db.repo.embeddings('company', ['a']);
    expect(Array.from(stored!.vector)).toEqual(Array.from(vector));
    expect(await db.repo.countEmbeddings('company', 'm')).toBe(1);
    await db.repo.write({ deletes: [{ entityType: 'company', id: 'a' }] });
    expect(await db.repo.embeddings('company', ['a'])).toEqual([]);
  });

  it('commits batches produced over time together, or none of them', async () => {
    async function* failing() {
      yield { companies: [make({ id: 'first', country: 'FI' })] };
      throw new Error('producer failed after the first batch');
    }
    await expect(db.repo.writeAll(failing())).rejects.toThrow(/producer failed/);
    expect(await db.repo.get('company', 'first')).toBeNull();
    expect(await db.repo.latestChangeSeq()).toBe(0);
    async function* fine() {
      yield { companies: [make({ id: 'first', country: 'FI' })] };
      yield { companies: [make({ id: 'second', country: 'SE' })] };
    }
    await db.repo.writeAll(fine());
    expect((await db.repo.list('company', { limit: 10, offset: 0 })).total).toBe(2);
  });

  it('answers reads while a long write transaction is open', async () => {
    await db.repo.write({ companies: [make({ id: 'visible', country: 'FI' })] });
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    async function* slow() {
      yield { companies: [make({ id: 'pending', country: 'SE' })] };
      await gate;
    }
    const writing = db.repo.writeAll(slow());
    await new Promise((r) => setTimeout(r, 50));
    // The read neither waits for the transaction nor sees its uncommitted rows.
    expect((await db.repo.getMany('company', ['visible', 'pending'])).map((c) => c.id)).toEqual(['visible']);
    release();
    await writing;
    expect(await db.repo.get('company', 'pending')).not.toBeNull();
  });

  it('applies a batch all or nothing', async () => {
    await db.repo.write({ companies: [make({ id: 'keep', country: 'FI' })] });
    const broken = { ...make({ id: 'new', country: 'FI' }), name: null as unknown as string };
    await expect(db.repo.write({ companies: [make({ id: 'keep', country: 'FI', name: 'Changed' }), broken] })).rejects.toThrow();
    expect((await db.repo.get('company', 'keep'))!.name).toBe('Company keep');
    expect(await db.repo.get('company', 'new')).toBeNull();
  });

  it('reads the events naming a company, and only those: not a longer id, nor one in other letter case', async () => {
    await db.repo.createEvent(event('ev-a', [registered('fi-a')]));
    await db.repo.createEvent(event('ev-b', [registered('se-b', ['fi-a'])]));
    await db.repo.createEvent(event('ev-c', [registered('fi-a-2'), registered('FI-A')]));
    await db.repo.createEvent(event('ev-d'));
    expect((await db.repo.eventsNaming('fi-a')).map((e) => e.id)).toEqual(['ev-a', 'ev-b']);
    expect(await db.repo.eventsNaming('nobody')).toEqual([]);
  });

  it('reads every event in full in one call, by id', async () => {
    await db.repo.createEvent(event('ev-b', [registered('se-b')]));
    await db.repo.createEvent(event('ev-a'));
    const all = await db.repo.allEvents();
    expect(all.map((e) => e.id)).toEqual(['ev-a', 'ev-b']);
    expect(all[1]).toEqual(await db.repo.getEvent('ev-b'));
  });
});
