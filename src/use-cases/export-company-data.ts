// A company's right of access (GDPR): everything held about it in one export. Erasure, the other
// right, is erase-company-traces.ts.
import type { AccessStore, EntityStore, EventStore, FeedbackStore, MailingStore } from '../db/index.js';
import type { AgendaMailing, Company, Feedback, Introduction } from '../domain/index.js';
import { allFeedback } from './list-feedback.js';
import { getEntity } from './get-entity.js';

/** The stores the export reads. */
export interface CompanyExportDeps {
  readonly repo: Pick<EntityStore, 'getVersioned' | 'getMany' | 'embeddings' | 'historyOf'> &
    Pick<EventStore, 'eventsNaming'> &
    Pick<AccessStore, 'listIntroductions'> &
    Pick<FeedbackStore, 'listFeedback'> &
    Pick<MailingStore, 'agendaMailingsOf'>;
}

/** Everything held about one company. */
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

/** The company's data and every record naming it; a not-found error when there is no such company. */
export async function exportCompanyData(deps: CompanyExportDeps, id: string): Promise<CompanyDataExport> {
  const company = await getEntity(deps, 'company', id);
  const clusters = await deps.repo.getMany('cluster', company.clusterIds);
  const embeddings = await deps.repo.embeddings('company', [id]);
  const events: CompanyDataExport['events'] = [];
  for (const e of await deps.repo.eventsNaming(id)) {
    const registration = e.participants.find((p) => p.companyId === id);
    if (!registration) continue;
    const meetings = (e.agenda ?? [])
      .filter((m) => m.a === id || m.b === id)
      .map((m) => ({ slot: m.slot, start: e.slots[m.slot]?.start ?? '', table: m.table, with: m.a === id ? m.b : m.a, pinned: m.pinned === true }));
    events.push({
      id: e.id,
      name: e.name,
      registration: { availability: registration.availability, wishes: registration.wishes, blocks: registration.blocks },
      meetings,
    });
  }
  return {
    exportedAt: new Date().toISOString(),
    company,
    clusters: clusters.map((c) => ({ id: c.id, name: c.name, country: c.country })),
    embeddings: embeddings.map((e) => ({ facet: e.facet, modelId: e.modelId, textHash: e.textHash, dims: e.vector.length })),
    events,
    introductionRequests: await allIntroductions(deps, id),
    feedback: await feedbackNaming(deps, id),
    agendaMailings: await deps.repo.agendaMailingsOf(id),
    history: (await deps.repo.historyOf('company', id)).map((h) => ({ seq: h.seq, op: h.op, at: h.at })),
  };
}

async function allIntroductions(deps: CompanyExportDeps, companyId: string): Promise<Introduction[]> {
  const out: Introduction[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await deps.repo.listIntroductions({ companyId, limit: 500, offset });
    out.push(...page.items);
    if (page.items.length < 500) return out;
  }
}

async function feedbackNaming(deps: CompanyExportDeps, companyId: string): Promise<Feedback[]> {
  const forIt = await allFeedback(deps, { companyId });
  const ofIt = await allFeedback(deps, { kind: 'partner', candidateId: companyId });
  return [...forIt, ...ofIt];
}
