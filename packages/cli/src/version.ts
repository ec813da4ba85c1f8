declare const __PHULUC_VERSION__: string | undefined;

/** The CLI's version: injected by the esbuild bundle from package.json; `0.0.0-dev` when run from source. */
export const VERSION: string =
  typeof __PHULUC_VERSION__ === 'string' ? __PHULUC_VERSION__ : '0.0.0-dev';
