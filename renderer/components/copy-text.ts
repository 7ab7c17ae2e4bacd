import { createContext } from 'react';

/**
 * How CopyButton copies. The app leaves it unset (copyText: the desktop shell's clipboard, which
 * clears itself); a page without the app (the browser verifier) gives its own.
 */
export const CopyTextContext = createContext<((text: string) => Promise<void>) | null>(null);
