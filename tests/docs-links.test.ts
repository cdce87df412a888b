// The README is a front door to docs/: every relative link in it and in docs/ must reach a file
// that exists, and every #anchor a heading in that file, so moving a section cannot strand a link.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DOCUMENTS = [
  'README.md',
  'models/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(file: string): Set<string> {
  const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

/** Relative links, `[text](target)`, outside code blocks; web addresses are not checked (no network). */
function linksIn(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
}

describe('documentation links', () => {
  it('finds the documents and the anchor form GitHub uses', () => {
    expect(DOCUMENTS).toContain('docs/api.md');
    expect(anchorOf('Install scripts: `allowScripts` and `.npmrc`')).toBe('install-scripts-allowscripts-and-npmrc');
  });

  it.each(DOCUMENTS)('%s links only to files and headings that exist', (file) => {
    const broken = linksIn(file).filter((target) => {
      const [filePart, anchor] = target.split('#') as [string, string | undefined];
      const resolved = filePart === '' ? file : path.posix.join(path.posix.dirname(file), filePart);
      if (!existsSync(path.join(ROOT, resolved))) return true;
      return anchor !== undefined && resolved.endsWith('.md') && !anchorsIn(resolved).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
