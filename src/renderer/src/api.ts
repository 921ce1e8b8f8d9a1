/**
 * The renderer's view of the API: the preload bridge in Electron, HTTP to the browser
 * host otherwise. Both answer the same contract (src/shared/api.ts).
 */
import { API_METHODS, type CuesmithApi, type MenuCommand, type Outcome, type PreloadBridge } from '../../shared/api';
import { fromWireJson, toWireJson } from '../../shared/wire';

export interface Host {
  api: CuesmithApi;
  /** Electron's menu; absent in the browser host, whose page handles the shortcuts itself. */
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
  onOpenRecent?: (listener: (path: string) => void) => () => void;
}

function httpApi(): CuesmithApi {
  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: toWireJson({ args }),
    });
    if (!response.ok) throw new Error((await response.text()).trim() || `HTTP ${response.status}`);
    const outcome = fromWireJson(await response.text()) as Outcome<unknown>;
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.value;
  };
  return Object.fromEntries(
    API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as CuesmithApi;
}

export function connectHost(): Host {
  const bridge = (window as unknown as { cuesmith?: PreloadBridge }).cuesmith;
  if (bridge) {
    return { api: bridge, onMenuCommand: bridge.onMenuCommand, onOpenRecent: bridge.onOpenRecent };
  }
  return { api: httpApi() };
}
