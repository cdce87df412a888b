import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  // Logs go to stderr so that CLI output on stdout stays clean for pipes; keys never reach logs.
  return pino({ level, base: undefined, redact: ['req.headers.authorization', 'req.headers.cookie'] }, pino.destination(2));
}
