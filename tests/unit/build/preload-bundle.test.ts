/**
 * The built preload must be one CommonJS file that a sandboxed renderer can run: it may
 * require only 'electron', and it must expose exactly the typed API. We run the real
 * bundle in a bare VM context with a stand-in for Electron's two objects.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_METHODS, ipcChannel } from '../../../src/shared/api';

const bundle = path.resolve(import.meta.dirname, '../../../out/preload/index.cjs');

describe('preload bundle', () => {
  it('exists (run "npm run build" first)', () => {
    expect(existsSync(bundle)).toBe(true);
  });

  it.runIf(existsSync(bundle))('is a single CommonJS file that requires only electron and exposes exactly the API', async () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const required: string[] = [];
    const exposed: Record<string, Record<string, unknown>> = {};
    const invocations: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invocations.push(args);
          return args[0] === ipcChannel('hostInfo') ? { ok: true, value: 'info' } : { ok: false, error: 'nope' };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    const context = vm.createContext({
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    vm.runInContext(code, context, { filename: bundle });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['cuesmith']);
    const bridge = exposed.cuesmith!;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onMenuCommand', 'onOpenRecent'].sort());
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    await expect((bridge.hostInfo as () => Promise<unknown>)()).resolves.toBe('info');
    await expect((bridge.mediaPeaks as (id: string) => Promise<unknown>)('abc')).rejects.toThrow('nope');
    expect(invocations).toEqual([[ipcChannel('hostInfo')], [ipcChannel('mediaPeaks'), 'abc']]);
  });
});
