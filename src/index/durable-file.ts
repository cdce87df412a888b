// Writing index files so that a short write (a full disk) fails at save time, not at the next load.
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes, flushes to disk and reads back: the file must hold exactly `data`. */
export async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const back = await readFile(file);
  if (!back.equals(bytes)) throw new Error(`${path.basename(file)} reads back ${back.byteLength} bytes, not the ${bytes.byteLength} written`);
}
