// `npm run import -- FILE`, `npm run demo`: the command line of the engine.
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { handleSignals, startService } from '../server.js';
import { DEMO_DATA, describeError, describeImport, importFile } from './commands.js';

const program = new Command('nordichub').description('NordicHub Partner Match').showHelpAfterError();

program
  .command('import')
  .description('Import a data set (clusters, companies, opportunities); upsert by id, all or nothing')
  .argument('<file>', 'JSON file in the data-set format')
  .action(async (file: string) => {
    const config = loadConfig();
    console.log(describeImport(file, await importFile(config, file)));
  });

program
  .command('demo')
  .description('Load the demo data into the configured database, then start the service')
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    console.log(describeImport('demo data', await importFile(config, DEMO_DATA)));
    const service = await startService(config, logger);
    handleSignals(service, logger);
    await service.ready;
    console.log(`NordicHub Partner Match is running at ${service.url}  (API docs: ${service.url}/docs)`);
    console.log(`Try: curl '${service.url}/api/v1/companies?limit=3'`);
  });

program.parseAsync().catch((err: unknown) => {
  console.error(`Error: ${describeError(err)}`);
  process.exit(1);
});
