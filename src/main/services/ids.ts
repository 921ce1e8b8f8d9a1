import { randomBytes } from 'node:crypto';

/** An unguessable, URL-safe identifier (documents, media, the browser host's token). */
export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
