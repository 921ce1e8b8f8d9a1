/** Whether the focused element uses Space itself (typing, or a native button activating), so it must not toggle playback. */
export function usesSpaceKey(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes((target as HTMLInputElement).type);
  // Native buttons activate on Space themselves.
  return tag === 'BUTTON';
}
