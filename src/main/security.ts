/**
 * Security settings of the app, as plain data so tests can check them without Electron.
 * The Electron shell (index.ts) and the browser host both apply them.
 */

/**
 * The renderer's Content-Security-Policy. Scripts only from the app itself (no inline
 * script, no eval); styles allow inline because CodeMirror and wavesurfer inject style
 * elements; media from the app's own media scheme or the browser host's origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' cuesmith-media: blob:",
  "connect-src 'self' cuesmith-media:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Headers every browser-host response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** BrowserWindow webPreferences: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const;
}

export type NavigationDecision = 'deny' | 'open-external';

/**
 * What to do when the page tries to navigate or open a window: the app never leaves its
 * own page; http(s) links go to the system browser; everything else is refused.
 */
export function decideNavigation(url: string): NavigationDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'deny';
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? 'open-external' : 'deny';
}

/** The custom scheme media plays from in Electron: `cuesmith-media://media/<id>`. */
export const MEDIA_SCHEME = 'cuesmith-media';
export const mediaSchemeUrl = (id: string): string => `${MEDIA_SCHEME}://media/${id}`;

/** Extracts the media id from a media-scheme URL, or null for anything unexpected. */
export function mediaIdFromSchemeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.host !== 'media') return null;
  const match = /^\/([A-Za-z0-9_-]{8,64})$/.exec(parsed.pathname);
  return match ? match[1]! : null;
}
