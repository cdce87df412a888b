// A progress bar per phase on stderr (quiet when stderr is not a terminal, e.g. in CI logs).
import cliProgress from 'cli-progress';

export function phaseProgress(): { update(phase: string, done: number, total: number): void; stop(): void } {
  const enabled = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(phase, done, total) {
      if (!enabled) return;
      if (phase !== current) {
        stop();
        current = phase;
        bar = new cliProgress.SingleBar(
          { format: `${phase.padEnd(9)} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar?.setTotal(total);
      bar?.update(done);
    },
    stop,
  };
}
