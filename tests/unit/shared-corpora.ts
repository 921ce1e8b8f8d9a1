/**
 * Where the shared corpora and recordings live (../shared, beside the repo). Tests read
 * them in place; when the folder is absent (a clone elsewhere) those tests are skipped
 * with this reason rather than failing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED_DIR = path.resolve(import.meta.dirname, '../../../shared');
export const hasShared = existsSync(path.join(SHARED_DIR, 'corpora'));
export const SHARED_MISSING = `../shared not found at ${SHARED_DIR}; corpus tests skipped`;

export const sharedPath = (...parts: string[]): string => path.join(SHARED_DIR, ...parts);
