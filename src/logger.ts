import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  // Logs go to stderr so that CLI output on stdout stays clean for pipes.
  return pino({ level, base: undefined }, pino.destination(2));
}
