/** Where a CLI command reads and writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  /** Messages for people (UTF-8 text). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Converted output sent to standard output, in whatever encoding was asked for. */
  writeStdout: (bytes: Uint8Array) => void;
  readStdin: () => Promise<Uint8Array>;
  /** The package root: holds out/renderer and resources/. */
  root: string;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Wrong arguments: the message is followed by a pointer to --help; exit 2. */
export class UsageError extends Error {}

/** Input that cannot be read (missing, binary, too large …): exit 2 with the message. */
export class InputError extends Error {}

/** Result of a command: an exit code, or 'running' for a server that keeps the process alive. */
export type CommandResult = number | 'running';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<CommandResult>;
}
