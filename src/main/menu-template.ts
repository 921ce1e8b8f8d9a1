/**
 * The application menu as data. Commands that act on the document go to the renderer
 * (which owns the editor); window-level items use Electron roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../shared/api';

export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  recent: readonly RecentFile[],
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);
  const recentItems: MenuItemConstructorOptions[] =
    recent.length > 0
      ? recent.map((file) => ({ label: `${file.name} (${file.kind})`, click: () => actions.openRecent(file.path) }))
      : [{ label: 'No recent files', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Open Transcript…', accelerator: 'CmdOrCtrl+O', click: send('open-transcript') },
        { label: 'Open Media…', accelerator: 'CmdOrCtrl+Shift+O', click: send('open-media') },
        { label: 'Open Sample', click: send('open-sample') },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: send('save-as') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { label: 'Replace', accelerator: isMac ? 'Cmd+Alt+F' : 'Ctrl+H', click: send('replace') },
      ],
    },
    {
      label: '&View',
      submenu: [
        // The waveform's zoom keys work outside text, like Space, so the page handles them.
        { label: 'Zoom Waveform In', accelerator: 'Plus', registerAccelerator: false, click: send('waveform-zoom-in') },
        { label: 'Zoom Waveform Out', accelerator: '-', registerAccelerator: false, click: send('waveform-zoom-out') },
        { label: 'Show Whole Recording', accelerator: '0', registerAccelerator: false, click: send('waveform-zoom-fit') },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Playback',
      submenu: [
        // Space is handled by the page (it must still type a space in the editor), so the
        // menu only shows it; Ctrl+Space works everywhere.
        { label: 'Play/Pause', accelerator: 'Space', registerAccelerator: false, click: send('play-pause') },
      ],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
