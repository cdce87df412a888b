// Production runs built code without the development dependencies: a copy of the project is built
// (`npm run build`), pruned (`npm prune --omit=dev`, offline), then imports data with
// `npm run import`, lists keys with `npm run keys` and serves with `npm start` (node dist/main.js):
// /healthz, /widget.js (the prebuilt file: esbuild is gone) and /console answer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, waitFor } from '../helpers.js';

// Outside the checkout: npm puts every ancestor's node_modules/.bin on PATH and Node resolves
// packages from every ancestor's node_modules, so a copy inside would still find tsx and esbuild.
// node_modules is hard-linked when the temp folder is on the same file system (a second instead
// of copying 1.3 GB): npm prune only unlinks, and npm's hidden lockfile, which it rewrites, is
// copied instead.
let app: string;
let server: ChildProcess | undefined;

// A shell as a fresh machine has it: no node_modules/.bin of this checkout on PATH (npm test puts
// it there, and tsx from it would hide a script that needs a development dependency), no npm_*
// settings of the npm that runs the tests.
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS')),
  PATH: (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((p) => !p.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter),
  NO_UPDATE_NOTIFIER: '1',
  ...extra,
});

function run(command: string, args: string[], extra?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd: app, env: env(extra), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${output}`);
  return output;
}

const dataDir = () => path.join(app, 'data');

beforeAll(() => {
  app = mkdtempSync(path.join(tmpdir(), 'nh-production-'));
  for (let dir = path.dirname(app); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) throw new Error(`${dir}/node_modules would leak development dependencies into the copy`);
  }
  // The files of the checkout as git sees them (tracked and new, nothing ignored): no dist/, no data/.
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (files.status !== 0) throw new Error(files.stderr);
  for (const file of files.stdout.split('\0')) {
    if (file && existsSync(path.join(ROOT, file))) cpSync(path.join(ROOT, file), path.join(app, file), { recursive: true });
  }
  // The Prisma clients postinstall generated (ignored by git; generating them again takes 10 s).
  for (const dir of ['src/db/generated', 'src/db/generated-pg']) cpSync(path.join(ROOT, dir), path.join(app, dir), { recursive: true });
  const modules = readdirSync(path.join(ROOT, 'node_modules')).filter((name) => name !== '.cache' && name !== '.package-lock.json');
  mkdirSync(path.join(app, 'node_modules'));
  const copy = (flags: string) => spawnSync('cp', [flags, ...modules.map((name) => path.join(ROOT, 'node_modules', name)), path.join(app, 'node_modules')]);
  const copied = copy('-al').status === 0 ? { status: 0, stderr: '' } : copy('-a'); // -a: another file system
  if (copied.status !== 0) throw new Error(`cp node_modules: ${copied.stderr.toString()}`);
  cpSync(path.join(ROOT, 'node_modules/.package-lock.json'), path.join(app, 'node_modules/.package-lock.json'));

  run('npm', ['run', '--silent', 'build']);
  run('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund']);
}, 300_000);

afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the production build', () => {
  it('leaves no development dependency behind after the prune', () => {
    for (const dev of ['tsx', 'esbuild', 'vitest', 'playwright-core', '@sparticuz/chromium'])
      expect(existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(path.join(app, 'dist/main.js'))).toBe(true);
    expect(existsSync(path.join(app, 'dist/cli/main.js'))).toBe(true);
    expect(existsSync(path.join(app, 'dist/public/widget.js'))).toBe(true);
  });

  it('skips generate and build at install without them (npm ci --omit=dev beside a built dist/)', () => {
    expect(run('npm', ['run', 'postinstall'])).toMatch(/development dependencies not installed/);
  });

  it('imports a data set and lists keys with the built CLI', () => {
    expect(run('npm', ['run', '--silent', 'import', '--', 'prisma/seed/demo-data.json'], { DATA_DIR: dataDir(), LOG_LEVEL: 'warn' })).toMatch(
      /companies: \d+ new/,
    );
    expect(run('npm', ['run', '--silent', 'keys', '--', 'list'], { DATA_DIR: dataDir(), LOG_LEVEL: 'warn' })).toMatch(/Id.*Role/);
  }, 120_000);

  it('serves with npm start: health, the prebuilt widget and the console', async () => {
    // Its own process group, so that npm, its shell and node all stop at the end.
    server = spawn('npm', ['start'], {
      cwd: app,
      env: env({ PORT: '0', DATA_DIR: dataDir(), LOG_LEVEL: 'info' }),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const base = await waitFor(async () => (server!.exitCode !== null ? 'exited' : /"url":"(http:\/\/localhost:\d+)"/.exec(output)?.[1]), 60_000).catch(
      (err: unknown) => {
        throw new Error(`${String(err)}\n${output}`);
      },
    );
    if (base === 'exited') throw new Error(`npm start exited with ${server.exitCode}:\n${output}`);
    const health = await waitFor(async () => {
      const res = await fetch(`${base}/healthz`);
      return res.ok ? ((await res.json()) as { companies: number }) : undefined;
    }, 60_000);
    expect(health.companies).toBeGreaterThan(0);

    const widget = await fetch(`${base}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(await widget.text()).toBe(readFileSync(path.join(app, 'dist/public/widget.js'), 'utf8'));

    const shell = await fetch(`${base}/console`);
    expect(shell.status).toBe(200);
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(await shell.text())?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${base}${script}`)).status).toBe(200);
  }, 120_000);
});
