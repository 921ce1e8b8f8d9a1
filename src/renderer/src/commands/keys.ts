/**
 * Key names for shortcuts: modifiers in a fixed order then the key, e.g. "Ctrl-Alt-P",
 * "Alt-Shift-ArrowLeft", "Alt-[". Keys are read from `event.code` (the physical key), so
 * Alt combinations work on every platform and layout (on macOS Option changes `event.key`).
 */

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const CODE_NAMES: Record<string, string> = {
  Space: 'Space',
  BracketLeft: '[',
  BracketRight: ']',
  Comma: ',',
  Period: '.',
  Minus: '-',
  Equal: '=',
  Slash: '/',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  NumpadAdd: '+',
  NumpadSubtract: '-',
};

/** The name of the key itself, or null for a lone modifier. */
function keyOf(event: KeyboardEvent): string | null {
  const code = event.code;
  if (/^(Control|Alt|Shift|Meta|OS)(Left|Right)?$/.test(code) || ['Control', 'Alt', 'Shift', 'Meta'].includes(event.key)) return null;
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (/^Numpad\d$/.test(code)) return code.slice(6);
  if (CODE_NAMES[code]) return CODE_NAMES[code]!;
  // Arrows, Enter, Delete, Backspace, Home, End, PageUp, F1 …: the code is the name.
  if (code) return code;
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

/** "Ctrl-Alt-Shift-Meta-Key" for a key event, or null for a lone modifier. */
export function keyName(event: KeyboardEvent): string | null {
  const key = keyOf(event);
  if (!key) return null;
  return `${event.ctrlKey ? 'Ctrl-' : ''}${event.altKey ? 'Alt-' : ''}${event.shiftKey ? 'Shift-' : ''}${event.metaKey ? 'Meta-' : ''}${key}`;
}

/** "Mod" is Cmd on macOS and Ctrl elsewhere; names are kept in canonical modifier order. */
export function resolveKey(name: string): string {
  const parts = name.split(/-(?!$)/);
  const key = parts.pop()!;
  const mods = new Set(parts.map((m) => (m === 'Mod' ? (isMac ? 'Meta' : 'Ctrl') : m)));
  return ['Ctrl', 'Alt', 'Shift', 'Meta'].filter((m) => mods.has(m)).map((m) => `${m}-`).join('') + key;
}

/** How a key name reads to people: "Alt+P", "⌥P" on macOS. */
export function displayKey(name: string): string {
  const resolved = resolveKey(name);
  const parts = resolved.split(/-(?!$)/);
  const key = parts.pop()!.replace(/^Arrow/, '');
  const symbols: Record<string, string> = isMac ? { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Meta: '⌘' } : { Ctrl: 'Ctrl+', Alt: 'Alt+', Shift: 'Shift+', Meta: 'Win+' };
  const arrows: Record<string, string> = { Left: '←', Right: '→', Up: '↑', Down: '↓' };
  return parts.map((m) => symbols[m]).join('') + (arrows[key] ?? key);
}
