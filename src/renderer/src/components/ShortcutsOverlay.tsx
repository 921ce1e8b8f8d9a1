import { useEffect, useRef, useState } from 'react';
import { displayKey, keyName } from '../commands/keys';
import { COMMANDS, type CommandGroup } from '../commands/registry';

interface ShortcutsOverlayProps {
  /** The user's overrides (command id → keys). */
  overrides: Readonly<Record<string, readonly string[]>>;
  onChange(overrides: Record<string, string[]>): void;
  onClose(): void;
}

const GROUPS: CommandGroup[] = ['Playback', 'Timing', 'Cues', 'Navigation', 'View'];

/**
 * Every workbench shortcut, grouped; "Change" records the next key combination pressed
 * (Escape cancels), "Reset" restores the default. A modal dialog: focus stays inside.
 */
export function ShortcutsOverlay({ overrides, onChange, onClose }: ShortcutsOverlayProps) {
  const [recording, setRecording] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (recording) {
        event.preventDefault();
        event.stopPropagation();
        if (event.key === 'Escape') return setRecording(null);
        const name = keyName(event);
        if (!name) return; // a lone modifier: keep listening
        onChange({ ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, [...v]])), [recording]: [name] });
        setRecording(null);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [recording, overrides, onChange, onClose]);

  const keysOf = (id: string) => overrides[id] ?? COMMANDS.find((c) => c.id === id)!.keys;
  const taken = new Map<string, string>();
  for (const c of COMMANDS) for (const k of keysOf(c.id)) taken.set(k, taken.has(k) ? 'conflict' : c.id);

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="shortcuts" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" tabIndex={-1} ref={dialog}>
        <header>
          <h2>Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        <p className="muted">Space plays and pauses outside the text. Click “Change”, then press the new keys (Escape cancels).</p>
        <div className="shortcut-groups">
          {GROUPS.map((group) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {COMMANDS.filter((c) => c.group === group).map((c) => {
                    const keys = keysOf(c.id);
                    const conflict = keys.some((k) => taken.get(k) === 'conflict');
                    return (
                      <tr key={c.id} data-command={c.id}>
                        <td>{c.label}</td>
                        <td className={conflict ? 'keys conflict' : 'keys'}>
                          {recording === c.id ? <em>Press keys…</em> : keys.map((k) => <kbd key={k}>{displayKey(k)}</kbd>)}
                        </td>
                        <td className="actions">
                          <button type="button" onClick={() => setRecording(c.id)} aria-label={`Change the keys of ${c.label}`}>
                            Change
                          </button>
                          {overrides[c.id] && (
                            <button
                              type="button"
                              onClick={() => {
                                const next = Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== c.id).map(([k, v]) => [k, [...v]]));
                                onChange(next);
                              }}
                              aria-label={`Reset the keys of ${c.label}`}
                            >
                              Reset
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
