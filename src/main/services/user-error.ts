/** An error whose message is written for the user (it names the file and what went wrong). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A message for a failed file operation that names the file and the cause in plain words. */
export function describeFileError(error: unknown, action: string, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'the file or its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder',
    EIO: 'an input/output error occurred',
    EDQUOT: 'the disk quota is exceeded',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return `Could not ${action} ${file}: ${reason}.`;
}
