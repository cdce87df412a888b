// The layout's promises, checked on the source: data flows one way, and no module imports
// itself back through others (an import cycle).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const GENERATED = /^db\/generated/;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** Relative imports of every source file (type-only ones too), as src-relative paths. */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles().filter((f) => !GENERATED.test(rel(f)));
  const known = new Set(files.map(rel));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map(([, spec]) => {
      const resolved = rel(path.resolve(path.dirname(file), spec!)).replace(/\.js$/, '');
      return known.has(`${resolved}.ts`) ? `${resolved}.ts` : `${resolved}.tsx`;
    });
    graph.set(
      rel(file),
      targets.filter((t) => known.has(t)),
    );
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '');

// Folders below use-cases: they serve use cases and never call them (nor the API or the CLI).
const BELOW_USE_CASES = ['db', 'domain', 'embedding', 'engine', 'events', 'formats', 'index', 'index-lifecycle', 'mail', 'matching', 'validation'];
const ABOVE = ['use-cases', 'api', 'cli'];

describe('the source layout', () => {
  const graph = importGraph();

  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('lets use cases, the index lifecycle and everything below them import nothing above them', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => BELOW_USE_CASES.includes(folderOf(from)) && ABOVE.includes(folderOf(to)))
        .concat(targets.filter((to) => folderOf(from) === 'use-cases' && ['api', 'cli'].includes(folderOf(to))))
        .map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps domain/ free of every other folder', () => {
    const out = [...graph].flatMap(([from, targets]) =>
      folderOf(from) === 'domain' ? targets.filter((t) => folderOf(t) !== 'domain').map((t) => `${from} -> ${t}`) : [],
    );
    expect(out).toEqual([]);
  });

  it('reaches into another folder only through its index.ts', () => {
    const FOLDERS_WITH_SURFACE = ['db', 'domain', 'embedding', 'engine', 'events', 'formats', 'index', 'index-lifecycle', 'mail', 'matching', 'validation'];
    // The browser bundles (widget, console) take one pure module each where a folder's index.ts
    // would pull zod schemas and Node code into the script visitors download.
    const BROWSER_MAY_IMPORT = ['domain/search-words.ts', 'matching/free-text.ts'];
    const inBrowser = (from: string, to: string) => from.includes('/client/') && BROWSER_MAY_IMPORT.includes(to);
    const inside = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => folderOf(to) !== folderOf(from) && FOLDERS_WITH_SURFACE.includes(folderOf(to)) && !to.endsWith('/index.ts') && !inBrowser(from, to))
        .map((to) => `${from} -> ${to}`),
    );
    expect(inside).toEqual([]);
  });
});
