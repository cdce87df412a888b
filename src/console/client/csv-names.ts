// Company names from what staff paste or upload: one per line, or the first column of a CSV
// file (read in the browser; the file never goes to the service as such).

/** The first field of each CSV record: quotes ("a, b" and "" inside) understood, a "name" header dropped. */
export function namesFromCsv(text: string): string[] {
  const names: string[] = [];
  let field = '';
  let quoted = false;
  let first = true; // still in the record's first field
  const text1 = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    names.push(field.trim());
    field = '';
    first = true;
  };
  for (let i = 0; i < text1.length; i++) {
    const c = text1[i]!;
    if (quoted) {
      if (c === '"' && text1[i + 1] === '"') {
        if (first) field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if (first) field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') first = false;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text1[i + 1] === '\n') i++;
      endRecord();
    } else if (first) field += c;
  }
  endRecord();
  const kept = names.filter(Boolean);
  return /^(company[ _]?)?name$/i.test(kept[0] ?? '') ? kept.slice(1) : kept;
}

/** Pasted lines: trimmed, empty ones dropped. */
export const namesFromLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
