// A company's rights over its data: everything held about it in one export (GDPR access), and
// erasure that reaches every place it appears (events, introduction requests, staff feedback, the index).
import type { Company, Feedback, Introduction } from '../domain/index.js';
import type { AgendaMailing } from '../domain/mailing.js';
import type { Engine } from './engine.js';
import { withoutCompany } from './events.js';
import { allFeedback } from './feedback.js';
import { getEntity } from './write-entities.js';

export interface CompanyDataExport {
  exportedAt: string;
  company: Company;
  clusters: { id: string; name: string; country: string }[];
  /** Derived data: the vectors the matching uses, by facet (values omitted; they are computed from the texts above). */
  embeddings: { facet: string; modelId: string; textHash: string; dims: number }[];
  events: {
    id: string;
    name: string;
    registration: { availability: number[]; wishes: { companyId: string; priority: number }[]; blocks: string[] };
    meetings: { slot: number; start: string; table: number; with: string; pinned: boolean }[];
  }[];
  introductionRequests: Introduction[];
  /** Staff verdicts naming it: on suggestions made to it, and on it suggested as a partner. */
  feedback: Feedback[];
  /** Agendas mailed to it: to which address, when, and how. */
  agendaMailings: AgendaMailing[];
  history: { seq: number; op: string; at: string }[];
}

export async function exportCompanyData(engine: Engine, id: string): Promise<CompanyDataExport> {
  const company = await getEntity(engine, 'company', id);
  const clusters = await engine.repo.getMany('cluster', company.clusterIds);
  const embeddings = await engine.repo.embeddings('company', [id]);
  const events: CompanyDataExport['events'] = [];
  for (const summary of await engine.repo.listEvents()) {
    const e = await engine.repo.getEvent(summary.id);
    const registration = e?.participants.find((p) => p.companyId === id);
    if (!e || !registration) continue;
    const meetings = (e.agenda ?? [])
      .filter((m) => m.a === id || m.b === id)
      .map((m) => ({ slot: m.slot, start: e.slots[m.slot]?.start ?? '', table: m.table, with: m.a === id ? m.b : m.a, pinned: m.pinned === true }));
    events.push({ id: e.id, name: e.name, registration: { availability: registration.availability, wishes: registration.wishes, blocks: registration.blocks }, meetings });
  }
  return {
    exportedAt: new Date().toISOString(),
    company,
    clusters: clusters.map((c) => ({ id: c.id, name: c.name, country: c.country })),
    embeddings: embeddings.map((e) => ({ facet: e.facet, modelId: e.modelId, textHash: e.textHash, dims: e.vector.length })),
    events,
    introductionRequests: await allIntroductions(engine, id),
    feedback: await feedbackNaming(engine, id),
    agendaMailings: await engine.repo.agendaMailingsOf(id),
    history: (await engine.repo.historyOf('company', id)).map((h) => ({ seq: h.seq, op: h.op, at: h.at })),
  };
}

async function allIntroductions(engine: Engine, companyId: string): Promise<Introduction[]> {
  const out: Introduction[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await engine.repo.listIntroductions({ companyId, limit: 500, offset });
    out.push(...page.items);
    if (page.items.length < 500) return out;
  }
}

async function feedbackNaming(engine: Engine, companyId: string): Promise<Feedback[]> {
  const forIt = await allFeedback(engine, { companyId });
  const ofIt = await allFeedback(engine, { kind: 'partner', candidateId: companyId });
  return [...forIt, ...ofIt];
}

/**
 * Removes the company from every event (registration, meetings, pins, others' wishes and blocks)
 * and deletes introduction requests, staff feedback and agenda mailings naming it. Runs before the company row is
 * deleted, so an interrupted erasure leaves the company in place and a retry finishes the job.
 */
export async function eraseCompanyTraces(engine: Engine, id: string): Promise<void> {
  for (const summary of await engine.repo.listEvents()) {
    const e = await engine.repo.getEvent(summary.id);
    const named = e && (e.participants.some((p) => p.companyId === id || p.wishes.some((w) => w.companyId === id) || p.blocks.includes(id)) || e.pins.some((m) => m.a === id || m.b === id));
    if (named) await engine.repo.updateEvent(summary.id, (current) => withoutCompany(current, id));
  }
  await engine.repo.deleteIntroductionsFor(id);
  await engine.repo.deleteFeedbackFor(id);
  await engine.repo.deleteAgendaMailingsFor(id);
}
