import { config } from 'zod';

// Imported first: the page's CSP forbids eval, and zod must not even probe for it when its schemas
// are built (the caught probe is still reported as a CSP violation).
config({ jitless: true });
