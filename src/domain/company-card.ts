// What a public result card says about a company at a glance: a short description in the
// company's own words and a size band. Both are derived from public fields only.

/** Longest short description, in characters: about two lines on a phone card. */
export const SUMMARY_MAX_CHARS = 240;
const SUMMARY_MAX_SENTENCES = 2;

/** The size classes of the EU SME definition, by head count. */
export const EMPLOYEE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const;
export type EmployeeBand = (typeof EMPLOYEE_BANDS)[number];

/**
 * The first sentences of a description, untranslated, at most {@link SUMMARY_MAX_CHARS}
 * characters: whole sentences while they fit, else the first sentence cut at a word and
 * ended with "…".
 */
export function shortDescription(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?])\s+/);
  let summary = '';
  for (const sentence of sentences.slice(0, SUMMARY_MAX_SENTENCES)) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    if (next.length > SUMMARY_MAX_CHARS) break;
    summary = next;
  }
  if (summary) return summary;
  const cut = text.slice(0, SUMMARY_MAX_CHARS - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > SUMMARY_MAX_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The size class of a head count; null when the company did not say. */
export function employeeBand(employees: number | null): EmployeeBand | null {
  if (employees === null || !Number.isFinite(employees) || employees < 1) return null;
  if (employees < 10) return '1-9';
  if (employees < 50) return '10-49';
  if (employees < 250) return '50-249';
  return '250+';
}
