/**
 * The `cuesmith` command line: the same core as the app, without Electron.
 */
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../shared/version';
import { EXIT, UsageError, type CliIo } from './io';
import { resolveUserPath } from '../main/services/paths';
import { runWebHost } from './web';

const USAGE = `cuesmith ${APP_VERSION} — edit timed transcripts and captions against their audio

Usage:
  cuesmith web [transcript] [media] [--port N]
      Serve the editor to a browser on 127.0.0.1 and print its address
      (with a one-time access token). Ctrl+C stops it.
  cuesmith --help        this text (also: cuesmith <command> --help)
  cuesmith --version

The desktop app starts with "npm start" in the project folder.
Exit codes: 0 success, 1 findings, 2 usage error or unreadable input.
`;

const WEB_USAGE = `Usage: cuesmith web [transcript] [media] [--port N]

Serves the Cuesmith editor on http://127.0.0.1 only and prints exactly one line:
  Cuesmith is running at http://127.0.0.1:PORT/?token=…
Open that address in a browser. Requests without the token are refused.

Options:
  --port N    listen on port N (default: a free port)
  -h, --help  this text
`;

/** Result of a command: an exit code, or 'running' for a server that keeps the process alive. */
export type CommandResult = number | 'running';

async function webCommand(args: string[], io: CliIo): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(WEB_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 2) throw new UsageError('web takes at most a transcript and a media file.');
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not "${values.port}".`);
  }
  const [transcript, media] = positionals.map((file) => resolveUserPath(file, io.env));
  const host = await runWebHost({ transcript, media, port, root: io.root, env: io.env });
  io.stdout(`Cuesmith is running at ${host.url}\n`);
  return 'running';
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<CommandResult>> = {
  web: webCommand,
};

export async function main(argv: string[], io: CliIo): Promise<CommandResult> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout(USAGE);
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${APP_VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[first];
    if (!command) throw new UsageError(`Unknown command "${first}".`);
    return await command(rest, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`cuesmith: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) io.stderr('Run "cuesmith --help" for usage.\n');
    return EXIT.usage;
  }
}
