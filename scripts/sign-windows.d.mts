// Types for sign-windows.mjs (plain JavaScript so electron-builder can load it without a compiler).
export function splitCommand(line: string): string[];
export function signCommandFor(template: string, file: string): string[];
export default function sign(configuration: { path: string; hash?: string }, env?: NodeJS.ProcessEnv): Promise<void>;
