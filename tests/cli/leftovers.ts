// What a CLI test file leaves running or on disk: its service processes are killed after its
// tests, then its clean-ups (folders, mounts) run newest first, so a mount goes before its folder.
import { afterAll } from 'vitest';
import type { ServiceProcess } from '../helpers.js';

export function leftoversAfterAll(): { running: ServiceProcess[]; cleanups: (() => void)[] } {
  const left = { running: [] as ServiceProcess[], cleanups: [] as (() => void)[] };
  afterAll(() => {
    for (const s of left.running) s.child.kill('SIGKILL');
    for (const cleanup of [...left.cleanups].reverse()) cleanup();
  });
  return left;
}
