/** Package file names the core, the shell and the window all agree on. */

/** An age-encrypted package is NAME.zip.age; a plain one NAME.zip. */
export const SEALED_EXTENSION = '.zip.age';

export function isSealedName(name: string): boolean {
  return name.toLowerCase().endsWith(SEALED_EXTENSION);
}

/** The file a decision proposes: NAME-approved.zip, or NAME-approved.zip.age for an encrypted package. */
export function decidedFileName(fileName: string, decision: 'approved' | 'returned'): string {
  const base = fileName.replace(/\.zip(\.age)?$/i, '').replace(/(-approved|-returned)+$/i, '');
  return `${base}-${decision}.zip${isSealedName(fileName) ? '.age' : ''}`;
}
