// `npm start`: serves whatever database is configured. Never seeds anything. WORKERS > 1 (the
// default on a machine with several cores) runs that many server processes on one port.
import { runPrimary, runWorker, isWorker } from './cluster.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { handleSignals, startService } from './server.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
// A start-up problem (a damaged key file, a wrong model folder) is one clear line, not a stack.
const fail = (what: string) => (err: unknown) => {
  logger.fatal({ err }, `${what}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
};
if (isWorker()) {
  await runWorker(config, logger).catch(fail('could not start'));
} else if (config.workers > 1) {
  await runPrimary(config, logger).catch(fail('could not start'));
} else {
  const service = await startService(config, logger).catch(fail('could not start'));
  handleSignals(service, logger);
  service.ready.catch(fail('could not load the model or the index'));
}
