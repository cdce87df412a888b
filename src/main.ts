// `npm start`: serves whatever database is configured. Never seeds anything.
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { handleSignals, startService } from './server.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
// A start-up problem (a damaged key file, a wrong model folder) is one clear line, not a stack.
const service = await startService(config, logger).catch((err: unknown) => {
  logger.fatal({ err }, `could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
handleSignals(service, logger);
service.ready.catch((err: unknown) => {
  logger.fatal({ err }, 'could not load the model or the index');
  process.exit(1);
});
