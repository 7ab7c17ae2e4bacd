/**
 * A channel handle as people write it: one "@" in front. The catalog stores handles bare, but
 * vaults made before that held YouTube handles with their "@", so any leading "@" is dropped first.
 */
export function displayHandle(handle: string): string {
  return `@${handle.replace(/^@+/, '')}`;
}
