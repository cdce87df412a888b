// Cross-entity rules that a single schema cannot see: duplicate ids and cluster references.
import type { EntityStore } from '../db/index.js';
import type { Company } from '../domain/index.js';
import { formatPath, type FieldIssue } from '../errors.js';

/** An issue for each record whose id an earlier record of the list already has. */
export function duplicateIdIssues(list: readonly { id: string }[], field: string): FieldIssue[] {
  const seen = new Map<string, number>();
  const issues: FieldIssue[] = [];
  list.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else issues.push({ path: formatPath([field, i, 'id']), message: `duplicate id "${item.id}" (also at ${field}[${first}])` });
  });
  return issues;
}

/** Cluster ids a company names must exist, in the database or among `incomingClusterIds`. */
export async function clusterReferenceIssues(
  repo: Pick<EntityStore, 'existingIds'>,
  companies: readonly Company[],
  incomingClusterIds: ReadonlySet<string>,
  field = 'companies',
): Promise<FieldIssue[]> {
  const named = [...new Set(companies.flatMap((c) => c.clusterIds))].filter((id) => !incomingClusterIds.has(id));
  const existing = await repo.existingIds('cluster', named);
  const issues: FieldIssue[] = [];
  for (const [i, c] of companies.entries()) {
    for (const [k, id] of c.clusterIds.entries()) {
      if (!incomingClusterIds.has(id) && !existing.has(id)) {
        issues.push({ path: formatPath(field ? [field, i, 'clusterIds', k] : ['clusterIds', k]), message: `unknown cluster "${id}"` });
      }
    }
  }
  return issues;
}
