// Types for build-native-electron.mjs (plain JavaScript so electron-builder can load it without a compiler).
export const NATIVE_DIR: string;
export function buildNativeForElectron(opts: {
  electronVersion: string;
  arch?: string;
  outDir?: string;
  log?: (line: string) => void;
}): string;
export default function beforePack(context: { electronPlatformName: string; arch: number }): Promise<void>;
