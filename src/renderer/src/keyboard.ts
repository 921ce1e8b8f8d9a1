/** Whether the focused element takes typed keys (text fields, the editor, lists), so single-key shortcuts must leave it alone. */
export function acceptsTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes((target as HTMLInputElement).type);
  return false;
}

/** Whether the focused element uses Space itself (typing, or a native button activating), so it must not toggle playback. */
export function usesSpaceKey(target: EventTarget | null): boolean {
  return acceptsTyping(target) || (target instanceof HTMLElement && target.tagName === 'BUTTON');
}
