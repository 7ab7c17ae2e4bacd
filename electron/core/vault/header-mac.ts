import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { type SealedHeader, type UnsealedHeader, type VaultHeader, altered } from './header';
import { derive } from './keys';

/**
 * HMAC-SHA256 over the canonical JSON of the whole header except the MAC itself, keyed by
 * HKDF(master, vault id, "jejak/header-mac/v1"). Only a holder of the master key can write a
 * header that verifies, so wraps, KDF parameters, generation and audit anchor cannot be edited,
 * added or removed (a recovery wrap dropped or pasted in fails here).
 */
function macOf(header: UnsealedHeader, master: Buffer): Buffer {
  const key = derive(master, header.vaultId, 'header-mac');
  const mac = createHmac('sha256', key).update(canonicalJson(header)).digest();
  key.fill(0);
  return mac;
}

export function sealHeader(header: UnsealedHeader, master: Buffer): SealedHeader {
  return { ...header, mac: macOf(header, master).toString('hex') };
}

/** Right after unwrap, before any other file is opened. Legacy (version 1) headers carry no MAC. */
export function verifyHeaderMac(header: VaultHeader, master: Buffer): void {
  if (header.version === 1) return;
  const { mac, ...rest } = header;
  if (!timingSafeEqual(macOf(rest, master), Buffer.from(mac, 'hex'))) throw altered('its MAC does not verify');
}
