import { expect } from 'vitest';
import { parseLink, type LinkError, type ParsedLink } from '../../../../electron/core/catalog/links';

/** Parses and fails the test with the parser's own reason when the input is rejected. */
export function accept(input: string): ParsedLink {
  const result = parseLink(input);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got ${result.error.code}: ${result.error.reason}`);
  return result.link;
}

/** Parses and fails the test when the input is accepted; checks the reason reads as a sentence. */
export function refuse(input: string): LinkError {
  const result = parseLink(input);
  if (result.ok) throw new Error(`expected "${input}" to be rejected, got ${result.link.key}`);
  expect(result.error.reason).toMatch(/^[A-Z"'].{15,}[.)]$/s);
  return result.error;
}
