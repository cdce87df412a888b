// `npm install` ends here: the Prisma clients are generated and dist/ is built (`npm run build`),
// so `npm start` and `npm run demo` work straight after. Both steps need the development
// dependencies; an install without them (`npm ci --omit=dev` beside a dist/ built elsewhere) skips
// them and says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// tsx and esbuild: typescript and prisma stay after a prune (@prisma/client lists them as peers).
if (!existsSync('node_modules/tsx') || !existsSync('node_modules/esbuild')) {
  console.log('postinstall: development dependencies not installed; dist/ is used as it is (npm run build needs them)');
  process.exit(0);
}
for (const [command, args] of [
  ['node', ['scripts/prisma-generate.mjs']],
  ['npm', ['run', '--silent', 'build']],
]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
