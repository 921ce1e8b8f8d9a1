/**
 * The bridge between the sandboxed page and the main process. It exposes exactly the
 * typed API (one function per method, each a single `ipcRenderer.invoke`) and two menu
 * event subscriptions — never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  API_METHODS,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  OPEN_RECENT_CHANNEL,
  ipcChannel,
  type MenuCommand,
  type Outcome,
  type PreloadBridge,
} from '../shared/api';

async function call(method: (typeof API_METHODS)[number], args: unknown[]): Promise<unknown> {
  const outcome = (await ipcRenderer.invoke(ipcChannel(method), ...args)) as Outcome<unknown>;
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

const methods = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
);

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void) {
  const handler = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
const isString = (value: unknown): value is string => typeof value === 'string';

const bridge = {
  ...methods,
  onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(MENU_COMMAND_CHANNEL, isMenuCommand, listener),
  onOpenRecent: (listener: (path: string) => void) => subscribe(OPEN_RECENT_CHANNEL, isString, listener),
} as PreloadBridge;

contextBridge.exposeInMainWorld('cuesmith', bridge);
