/** Replaced at build time from package.json; the fallback is for tests run from source. */
declare const __CUESMITH_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __CUESMITH_VERSION__ === 'string' ? __CUESMITH_VERSION__ : '0.0.0-dev';
