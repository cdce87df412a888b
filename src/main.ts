// `npm start`: serves whatever database is configured. Never seeds anything.
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { handleSignals, startService } from './server.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const service = await startService(config, logger);
handleSignals(service, logger);
service.ready.catch((err: unknown) => {
  logger.fatal({ err }, 'could not load the model or the index');
  process.exit(1);
});
