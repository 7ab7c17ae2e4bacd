// Types for build-cli.mjs (plain JavaScript so npm run build needs no compiler for it).
export const CLI_OUT_DIR: string;
/** Bundles electron/cli.ts into outDir (default out/cli); returns the entry file's path. */
export function buildCli(outDir?: string): Promise<string>;
