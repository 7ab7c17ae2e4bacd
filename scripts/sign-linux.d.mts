// Types for sign-linux.mjs (plain JavaScript so electron-builder can load it without a compiler).
export function writeChecksums(artifacts: string[]): Promise<string | null>;
export function gpgSign(file: string, keyId: string, env?: NodeJS.ProcessEnv): string;
export function signArtifacts(
  artifacts: string[],
  env?: NodeJS.ProcessEnv,
  log?: (line: string) => void,
): Promise<string[]>;
export default function afterAllArtifactBuild(buildResult: { artifactPaths: string[] }): Promise<string[]>;
