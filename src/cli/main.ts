// `npm run import -- FILE`, `npm run demo`: the command line of the engine.
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { handleSignals, startService } from '../server.js';
import { DEMO_DATA, describeError, describeImport, importFile } from './commands.js';
import { buildDigest, digestTable, writeDigestCsv } from './digest.js';
import { digestCsv } from '../use-cases/opportunity-digest.js';
import { agendaCsv, agendaView, participantAgenda, participantCsv, participantIcs, scheduleEvent } from '../use-cases/event-agenda.js';
import { listEvents } from '../use-cases/events.js';
import { withEngine } from './engine.js';
import { describeAgenda } from './event.js';
import { writeFile } from 'node:fs/promises';
import { phaseProgress } from './progress.js';
import { createKey, describeKeys, revokeKey } from './keys.js';

const program = new Command('nordichub').description('NordicHub Partner Match').showHelpAfterError();

program
  .command('import')
  .description('Import a data set (clusters, companies, opportunities); upsert by id, all or nothing')
  .argument('<file>', 'JSON file in the data-set format, or a CSV/XLSX member list (companies)')
  .option('--map <mapping.json>', 'for CSV/XLSX: {"column header": company field or "skip"}; other columns are mapped by their headers')
  .action(async (file: string, options: { map?: string }) => {
    const config = loadConfig();
    console.log(describeImport(file, await importFile(config, file, options.map)));
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

program
  .command('digest')
  .description('Per company, the new opportunities since a date that fit it: a table, and CSV for a mail merge')
  .requiredOption('--since <date>', 'opportunities added on or after this date, YYYY-MM-DD')
  .option('--threshold <score>', 'lowest fit worth mailing, 0..1 (default 0.65)')
  .option('--per-company <n>', 'at most this many opportunities per company (default 10)')
  .option('--csv <file>', 'also write the digest as CSV to this file')
  .option('--format <format>', 'table (default), csv or json on standard output', 'table')
  .action(async (o: { since: string; threshold?: string; perCompany?: string; csv?: string; format: string }) => {
    if (!['table', 'csv', 'json'].includes(o.format)) throw new Error(`--format must be table, csv or json, not "${o.format}"`);
    const digest = await buildDigest(loadConfig(), { since: o.since, threshold: o.threshold as never, perCompany: o.perCompany as never });
    if (o.csv) await writeDigestCsv(digest, o.csv);
    if (o.format === 'csv') process.stdout.write(digestCsv(digest));
    else if (o.format === 'json') console.log(JSON.stringify(digest, null, 2));
    else console.log(digestTable(digest) + (o.csv ? `\nCSV written to ${o.csv}` : ''));
  });

const keys = program.command('keys').description('API keys: site keys for the widget, staff and admin keys');

keys
  .command('create')
  .description('Create a key; its secret is printed once and only its hash is kept')
  .option('--site <name>', 'a site key for the widget on this partner site (needs --origins)')
  .option('--origins <list>', 'comma-separated web origins the site key may be used from, e.g. https://a.example,https://b.example')
  .option('--role <role>', 'site, staff or admin (default: site with --site, else staff)')
  .option('--label <text>', 'who holds the key (staff and admin keys)')
  .action(async (o: { site?: string; origins?: string; role?: string; label?: string }) => console.log(await createKey(loadConfig(), o)));

keys
  .command('list')
  .description('List keys (never their secrets)')
  .action(async () => console.log(await describeKeys(loadConfig())));

keys
  .command('revoke')
  .description('Revoke a key at once')
  .argument('<id>', 'the key id, e.g. key_0123456789ab')
  .action(async (id: string) => console.log(await revokeKey(loadConfig(), id)));

const event = program.command('event').description('Matchmaking events: schedule and export agendas');

event
  .command('list')
  .description('List events')
  .action(() =>
    withEngine(loadConfig(), async (engine) => {
      for (const e of await listEvents(engine.repo)) console.log(`${e.id}\t${e.name}\t(changed ${e.updatedAt})`);
    }),
  );

event
  .command('schedule')
  .description(
    'Generate the agenda of an event and print its statistics and changes; pinned meetings stay, and so (unless --replan) do all meetings still allowed',
  )
  .argument('<eventId>')
  .option('--csv <file>', 'also write the whole agenda as CSV')
  .option('--replan', 'plan from scratch instead of keeping existing meetings in their slot and table')
  .action((eventId: string, o: { csv?: string; replan?: boolean }) =>
    withEngine(loadConfig(), async (engine) => {
      const progress = phaseProgress();
      const mode = o.replan ? 'replan' : 'keep';
      const view = await scheduleEvent(engine, eventId, progress.update, { mode }).finally(() => progress.stop());
      if (o.csv) await writeFile(o.csv, agendaCsv(view));
      console.log(describeAgenda(view) + (o.csv ? `\nCSV written to ${o.csv}` : ''));
    }),
  );

event
  .command('agenda')
  .description('Write the agenda of an event as CSV, or one participant’s as CSV or iCalendar')
  .argument('<eventId>')
  .option('--participant <companyId>', 'only this participant’s meetings')
  .option('--ics', 'iCalendar instead of CSV (with --participant)')
  .option('--out <file>', 'write to this file instead of standard output')
  .action((eventId: string, o: { participant?: string; ics?: boolean; out?: string }) =>
    withEngine(loadConfig(), async (engine) => {
      const text = o.participant
        ? (o.ics ? participantIcs : participantCsv)(await participantAgenda(engine, eventId, o.participant))
        : agendaCsv(await agendaView(engine, eventId));
      if (o.out) await writeFile(o.out, text);
      else process.stdout.write(text);
    }),
  );

program.parseAsync().catch((err: unknown) => {
  console.error(`Error: ${describeError(err)}`);
  process.exit(1);
});
