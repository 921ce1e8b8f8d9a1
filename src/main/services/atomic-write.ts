/**
 * Writes a file so that the target is never half-written: the bytes go to a temporary
 * file in the same folder, are flushed to disk, and replace the target by rename (atomic
 * on one file system). The original's permission bits are kept. On any failure the
 * temporary file is removed and the original is untouched.
 */
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { newId } from './ids';

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${newId(6)}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch {
    mode = undefined; // a new file: the default mode
  }
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode ?? 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    if (mode !== undefined) await fs.chmod(temporary, mode);
    await fs.rename(temporary, target);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
