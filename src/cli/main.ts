/**
 * The `cuesmith` command line: the same core as the app, without Electron.
 */
import { APP_VERSION } from '../shared/version';
import { checkCommand } from './commands/check';
import { convertCommand } from './commands/convert';
import { formatsCommand } from './commands/formats';
import { waveformCommand } from './commands/waveform';
import { webCommand } from './commands/web';
import { EXIT, InputError, UsageError, type CliIo, type Command, type CommandResult } from './io';

const COMMANDS: readonly Command[] = [convertCommand, checkCommand, formatsCommand, waveformCommand, webCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `cuesmith ${APP_VERSION} — edit timed transcripts and captions against their audio

Usage:
  cuesmith <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  cuesmith <command> --help   the options of a command
  cuesmith --version

The desktop app starts with "npm start" in the project folder.
Exit codes: 0 success, 1 findings, 2 usage error or unreadable input.
`;
}

export async function main(argv: string[], io: CliIo): Promise<CommandResult> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout(usage());
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${APP_VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) throw new UsageError(`Unknown command "${first}".`);
    return await command.run(rest, io);
  } catch (error) {
    const isUsage = error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (!isUsage && !(error instanceof InputError)) throw error;
    io.stderr(`cuesmith: ${(error as Error).message}\n`);
    if (isUsage) io.stderr(`Run "cuesmith ${first && COMMANDS.some((c) => c.name === first) ? `${first} ` : ''}--help" for usage.\n`);
    return EXIT.usage;
  }
}
