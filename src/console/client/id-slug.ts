// An id proposed from a name (an event's, a new company's): what the API's ids allow, at most 60 characters.
export const idSlug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60);
