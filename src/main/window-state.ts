/**
 * Restoring the window where the user left it — but only where it is still visible (a
 * monitor may have been unplugged since).
 */
import type { WindowBounds } from './services/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };

/** Bounds to open with: the saved ones when they overlap a display's work area by enough, else defaults. */
export function restoreBounds(saved: WindowBounds | undefined, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const { x, y, width, height } = saved;
  if (x === undefined || y === undefined) return { width, height };
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const overlapY = Math.min(y + height, area.y + area.height) - Math.max(y, area.y);
    return overlapX >= 100 && overlapY >= 50;
  });
  return visible ? { x, y, width, height } : { width, height };
}
