import { createHash } from 'node:crypto';

/**
 * An item's id: a name-based UUID (RFC 9562 version 5) in the notice's namespace. The same channel
 * or post in a later revision of the notice gets the same id, so answers to either revision match.
 */
export function itemIdFor(noticeId: string, name: string): string {
  const namespace = Buffer.from(noticeId.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
