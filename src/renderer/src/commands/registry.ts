/**
 * Every keyboard command of the timing workbench, with its default keys. All are
 * remappable (preferences.keys); the shortcuts overlay (? or F1) lists and changes them.
 */

export type CommandGroup = 'Playback' | 'Timing' | 'Cues' | 'Navigation' | 'View';

export interface CommandDefinition {
  id: string;
  label: string;
  group: CommandGroup;
  keys: readonly string[];
}

const command = (id: string, label: string, group: CommandGroup, keys: string[]): CommandDefinition => ({ id, label, group, keys });

/**
 * Whether a key acts while typing in the editor: combinations with Ctrl, Alt or Meta and
 * function keys do; a plain key or Shift+key types a character there instead.
 */
export function actsInText(resolvedKey: string): boolean {
  return /^(?:Ctrl|Alt|Meta)-|(?:^|-)F\d{1,2}$/.test(resolvedKey);
}

export const COMMANDS: readonly CommandDefinition[] = [
  command('play-pause', 'Play / pause', 'Playback', ['Ctrl-Space']),
  command('play-cue', 'Play the current cue', 'Playback', ['Alt-P']),
  command('loop-cue', 'Loop the current cue (again to stop)', 'Playback', ['Alt-L']),
  command('play-before-start', 'Play 0.5 s before the start', 'Playback', ['Alt-B']),
  command('play-after-end', 'Play 0.5 s after the end', 'Playback', ['Alt-E']),
  command('jump-back', 'Jump back 2 s', 'Playback', ['Alt-Z']),
  command('slower', 'Slower playback (down to 0.5×)', 'Playback', ['Alt--']),
  command('faster', 'Faster playback (up to 2×)', 'Playback', ['Alt-=']),
  command('set-start', 'Set start at the playhead', 'Timing', ['Alt-[']),
  command('set-end', 'Set end at the playhead', 'Timing', ['Alt-]']),
  command('spot', 'Set end and start the next cue at the playhead', 'Timing', ['Alt-Enter']),
  command('start-earlier', 'Start 10 ms earlier', 'Timing', ['Alt-1']),
  command('start-later', 'Start 10 ms later', 'Timing', ['Alt-2']),
  command('end-earlier', 'End 10 ms earlier', 'Timing', ['Alt-3']),
  command('end-later', 'End 10 ms later', 'Timing', ['Alt-4']),
  command('cue-earlier', 'Move the cue 10 ms earlier', 'Timing', ['Alt-5']),
  command('cue-later', 'Move the cue 10 ms later', 'Timing', ['Alt-6']),
  command('start-earlier-more', 'Start 100 ms earlier', 'Timing', ['Alt-Shift-1']),
  command('start-later-more', 'Start 100 ms later', 'Timing', ['Alt-Shift-2']),
  command('end-earlier-more', 'End 100 ms earlier', 'Timing', ['Alt-Shift-3']),
  command('end-later-more', 'End 100 ms later', 'Timing', ['Alt-Shift-4']),
  command('cue-earlier-more', 'Move the cue 100 ms earlier', 'Timing', ['Alt-Shift-5']),
  command('cue-later-more', 'Move the cue 100 ms later', 'Timing', ['Alt-Shift-6']),
  command('start-earlier-frame', 'Start one frame earlier', 'Timing', ['Ctrl-Alt-1']),
  command('start-later-frame', 'Start one frame later', 'Timing', ['Ctrl-Alt-2']),
  command('end-earlier-frame', 'End one frame earlier', 'Timing', ['Ctrl-Alt-3']),
  command('end-later-frame', 'End one frame later', 'Timing', ['Ctrl-Alt-4']),
  command('split-cue', 'Split the cue at the cursor', 'Cues', ['Alt-S']),
  command('split-cue-at-playhead', 'Split the cue at the playhead', 'Cues', ['Alt-Shift-S']),
  command('merge-next', 'Merge with the next cue', 'Cues', ['Alt-M']),
  command('insert-after', 'Insert a cue after this one', 'Cues', ['Alt-I']),
  command('delete-cue', 'Delete the cue', 'Cues', ['Alt-D']),
  command('previous-cue', 'Previous cue', 'Navigation', ['Alt-ArrowUp']),
  command('next-cue', 'Next cue', 'Navigation', ['Alt-ArrowDown']),
  command('toggle-follow', 'Follow playback in the editor (on/off)', 'View', ['Alt-F']),
  command('shortcuts', 'Keyboard shortcuts', 'View', ['F1', 'Shift-/']),
];

export function findCommand(id: string): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.id === id);
}

/** The keys of every command after the user's overrides. */
export function effectiveKeys(overrides: Readonly<Record<string, readonly string[]>>): Map<string, readonly string[]> {
  return new Map(COMMANDS.map((c) => [c.id, overrides[c.id] ?? c.keys]));
}
