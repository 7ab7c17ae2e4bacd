/**
 * JSON.parse keeps the last of two equal keys; a reader in another language may keep the first,
 * so a statement with a duplicate key could say two things. This finds the first duplicate key of
 * text that JSON.parse already accepted, comparing keys after unescaping ("a" and "\u0061" are one
 * key). Returns its dotted path (e.g. "signer.name"), or null.
 */
export function duplicateKey(text: string): string | null {
  const objects: Array<{ keys: Set<string>; path: string; expectKey: boolean }> = [];
  const arrays: string[] = [];
  /** what each open bracket is, innermost last: an object (index into objects) or an array */
  const open: Array<'o' | 'a'> = [];
  let pendingPath = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      const top = open.at(-1) === 'o' ? objects.at(-1) : undefined;
      if (top?.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const path = top.path ? `${top.path}.${key}` : key;
        if (top.keys.has(key)) return path;
        top.keys.add(key);
        top.expectKey = false;
        pendingPath = path;
      }
      i = end;
    } else if (ch === '{') {
      objects.push({ keys: new Set(), path: valuePath(open, arrays, pendingPath), expectKey: true });
      open.push('o');
    } else if (ch === '[') {
      arrays.push(valuePath(open, arrays, pendingPath));
      open.push('a');
    } else if (ch === '}' || ch === ']') {
      if (open.pop() === 'o') objects.pop();
      else arrays.pop();
    } else if (ch === ',' && open.at(-1) === 'o') {
      (objects.at(-1) as { expectKey: boolean }).expectKey = true;
    }
  }
  return null;
}

/** The path a value opening here lives at: the key just read, or its array's path. */
function valuePath(open: ReadonlyArray<'o' | 'a'>, arrays: readonly string[], pendingPath: string): string {
  const parent = open.at(-1);
  if (parent === 'a') return `${arrays.at(-1) ?? ''}[]`;
  return parent === 'o' ? pendingPath : '';
}

/** Index of the quote that closes the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
