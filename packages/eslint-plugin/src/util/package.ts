import { createRequire } from 'node:module';

// The package's own manifest: `dist/` and `src/` both sit next to it.
const manifest = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

/** `@mwsguard/eslint-plugin`. */
export const PLUGIN_NAME: string = manifest.name;
/** The plugin's version, from package.json. */
export const PLUGIN_VERSION: string = manifest.version;
