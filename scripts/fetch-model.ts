// `npm run model:fetch -- <Hugging Face id>`: downloads a Transformers.js-ready model (ONNX
// weights, tokenizer, config) into models/<id>, so that `MODEL=<id>` then runs fully offline.
// Needs network access to the Hugging Face hub; the service itself never downloads anything.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AutoModel, AutoTokenizer, env } from '@huggingface/transformers';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'models-dir': { type: 'string', default: path.resolve(import.meta.dirname, '../models') }, host: { type: 'string' } },
});
const id = positionals[0];
if (!id || !/^[\w.-]+\/[\w.-]+$/.test(id)) {
  console.error('usage: npm run model:fetch -- <owner/name>   e.g. Xenova/multilingual-e5-small');
  process.exit(2);
}
const modelsDir = path.resolve(values['models-dir']);

env.allowRemoteModels = true;
env.allowLocalModels = false;
env.useFSCache = true;
env.cacheDir = modelsDir;
if (values.host) env.remoteHost = values.host;

try {
  console.log(`Downloading ${id} from ${env.remoteHost} into ${path.join(modelsDir, id)} …`);
  await AutoTokenizer.from_pretrained(id);
  const model = await AutoModel.from_pretrained(id, { dtype: 'fp32' });
  await model.dispose();
  if (!existsSync(path.join(modelsDir, id, 'config.json'))) throw new Error('the download left no config.json');
  console.log(`Done. Start the service with MODEL=${id}; profiles are re-embedded and the index rebuilt at start.`);
} catch (err) {
  const reason = err instanceof Error ? err.message : String(err);
  const offline = /fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|network|getaddrinfo/i.test(reason + String((err as { cause?: unknown })?.cause ?? ''));
  console.error(
    offline
      ? `Could not download ${id}: no network access to ${env.remoteHost} from this machine. Download it where a network exists (this same command) and copy models/${id} here; nothing else needs to change.`
      : `Could not download ${id}: ${reason}`,
  );
  process.exit(1);
}
