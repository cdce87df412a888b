// Download names after what the file is about ("Nordic Day - Fiskó ehf.csv"), sent as RFC 6266
// Content-Disposition: an ASCII-safe slug in `filename` for old clients and the exact UTF-8 name
// in `filename*`, so neither an internal id nor a garbled ø reaches the person saving it.

const SPELLED_OUT: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'o', Ø: 'O', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ß: 'ss', œ: 'oe', Œ: 'Oe', ł: 'l', Ł: 'L' };

/** Lower-case ASCII letters, digits and single hyphens: "Fiskó Ægir ehf." -> "fisko-aegir-ehf". */
export function slug(text: string): string {
  const ascii = text
    .replace(/[æÆøØðÐþÞßœŒłŁ]/g, (c) => SPELLED_OUT[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return (
    ascii
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'file'
  );
}

/** A file name any system accepts: no path separators, control or reserved characters. */
const safeName = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must not carry.
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150) || 'file';

/** The Content-Disposition value for a download named after `parts`, e.g. ['Nordic Day', 'Fiskó'] and 'csv'. */
export function attachmentDisposition(parts: readonly string[], extension: string): string {
  const ascii = `${parts.map(slug).join('-')}.${extension}`;
  const utf8 = `${parts.map(safeName).join(' - ')}.${extension}`;
  // RFC 5987: percent-encode everything outside attr-char.
  const encoded = encodeURIComponent(utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
