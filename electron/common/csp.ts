/**
 * The Content-Security-Policy of the window: nothing but the app's own files, evidence images
 * from its own protocol, and calls to itself. index.html carries the same policy as a meta tag;
 * the web harness also sends it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' jejak-evidence: blob:",
  "media-src 'self' jejak-evidence: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
