/**
 * The Electron shell: one secure window, the menu, native dialogs, the media scheme and
 * IPC registration over the plain-Node services. Everything with substance lives in
 * ./services and is tested without Electron.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { API_METHODS, MENU_COMMAND_CHANNEL, OPEN_RECENT_CHANNEL, ipcChannel, type MenuCommand } from '../shared/api';
import { APP_VERSION } from '../shared/version';
import { filesFromArgv } from './command-line';
import { buildMenuTemplate } from './menu-template';
import {
  CONTENT_SECURITY_POLICY,
  MEDIA_SCHEME,
  decideNavigation,
  mediaIdFromSchemeUrl,
  mediaSchemeUrl,
  secureWebPreferences,
} from './security';
import { createBackend, type Dialogs } from './services/backend';
import { dispatch } from './services/dispatch';
import { MEDIA_EXTENSIONS } from './services/media';
import { SettingsStore } from './services/settings';
import { restoreBounds } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by electron-vite in development
const rendererFile = path.join(here, '../renderer/index.html');

if (process.env.CUESMITH_DATA_DIR) app.setPath('userData', path.resolve(process.env.CUESMITH_DATA_DIR));

// Must happen before 'ready': media plays through our own scheme, which answers Range requests.
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

/** Only our own page may call the API. */
function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  if (rendererUrl) return frameUrl.startsWith(rendererUrl);
  try {
    return fileURLToPath(frameUrl) === rendererFile;
  } catch {
    return false;
  }
}

const TRANSCRIPT_EXTENSIONS = ['srt', 'vtt', 'txt', 'sbv', 'ass', 'ssa', 'lrc', 'json', 'tsv', 'csv'];

function createDialogs(): Dialogs {
  const pick = async (name: string, extensions: string[]) => {
    const options = {
      properties: ['openFile'] as 'openFile'[],
      filters: [
        { name, extensions },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    openTranscript: () => pick('Transcripts and subtitles', TRANSCRIPT_EXTENSIONS),
    openMedia: () => pick('Audio and video', MEDIA_EXTENSIONS),
    locateFfmpeg: () => pick('ffmpeg', process.platform === 'win32' ? ['exe'] : ['*']),
    async saveAs(suggested) {
      const options = { defaultPath: suggested };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

async function start(): Promise<void> {
  await app.whenReady();
  const settings = new SettingsStore(app.getPath('userData'));
  const backend = createBackend({
    dataDir: app.getPath('userData'),
    host: { kind: 'electron', version: APP_VERSION, nativeDialogs: true },
    settings,
    sampleDir: path.join(app.getAppPath(), 'resources', 'sample'),
    mediaUrl: mediaSchemeUrl,
    dialogs: createDialogs(),
    startup: filesFromArgv(process.argv.slice(app.isPackaged ? 1 : 2)),
  });

  // Deny every permission (camera, notifications, …) the page might ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The dev server's pages come over http; give them the same policy as the built file.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.resourceType === 'mainFrame') headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });

  protocol.handle(MEDIA_SCHEME, async (request) => {
    const id = mediaIdFromSchemeUrl(request.url);
    if (!id) return new Response(null, { status: 404 });
    const answer = await backend.media.respond(id, request.headers.get('range'), request.method);
    const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });

  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: 'Refused: not the Cuesmith page.' };
      return dispatch(backend, method, args);
    });
  }

  const sendCommand = (command: MenuCommand) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
  const refreshMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          { command: sendCommand, openRecent: (file) => mainWindow?.webContents.send(OPEN_RECENT_CHANNEL, file) },
          settings.recent,
        ),
      ),
    );
  refreshMenu();
  settings.onRecentChange(refreshMenu);

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (decideNavigation(url) === 'open-external') void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      if (decideNavigation(url) === 'open-external') void shell.openExternal(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const bounds = restoreBounds(
    settings.window,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  mainWindow = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Cuesmith',
    backgroundColor: '#0f141b',
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  if (settings.window?.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    void settings.setWindow({ ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  if (rendererUrl) await mainWindow.loadURL(rendererUrl);
  else await mainWindow.loadFile(rendererFile);
}

app.on('window-all-closed', () => app.quit());

start().catch((error: unknown) => {
  console.error('Cuesmith failed to start:', error);
  dialog.showErrorBox('Cuesmith failed to start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
