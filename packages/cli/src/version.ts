import pkg from '../package.json' with { type: 'json' };

/**
 * The CLI's version, from packages/cli/package.json: the same from source (`pnpm phuluc`) and
 * from the bundle (esbuild inlines the JSON). Every package of the repository carries it
 * (`version.test.ts`).
 */
export const VERSION: string = pkg.version;
