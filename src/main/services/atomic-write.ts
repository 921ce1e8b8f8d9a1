/**
 * Writes a file so that the target is never half-written: the bytes go to a temporary
 * file in the same folder, are flushed to disk, and replace the target by rename (atomic
 * on one file system). The original's permission bits are kept. On any failure the
 * temporary file is removed and the original is untouched.
 */
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { newId } from './ids';

/** The file operations the writer uses; tests substitute failing ones to inject faults. */
export interface AtomicWriteIo {
  stat(file: string): Promise<{ mode: number }>;
  open(file: string, flags: number, mode: number): Promise<Pick<fs.FileHandle, 'writeFile' | 'sync' | 'close'>>;
  chmod(file: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
}

const nodeIo: AtomicWriteIo = {
  stat: (file) => fs.stat(file),
  open: (file, flags, mode) => fs.open(file, flags, mode),
  chmod: (file, mode) => fs.chmod(file, mode),
  rename: (from, to) => fs.rename(from, to),
  rm: (file, options) => fs.rm(file, options),
};

export async function writeFileAtomic(target: string, data: Uint8Array, io: AtomicWriteIo = nodeIo): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${newId(6)}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await io.stat(target)).mode & 0o7777;
  } catch {
    mode = undefined; // a new file: the default mode
  }
  let handle: Awaited<ReturnType<AtomicWriteIo['open']>> | null = null;
  try {
    handle = await io.open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode ?? 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    if (mode !== undefined) await io.chmod(temporary, mode);
    await io.rename(temporary, target);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await io.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
