/**
 * Any other http(s) address. The key keeps what identifies a page and drops what does not:
 * the scheme (http and https are one site), default port, tracking parameters, parameter order,
 * trailing slashes and the fragment. "www." is kept: it can be a different server, and merging
 * two sites by mistake is worse than cataloguing one twice.
 *
 * Only public internet hosts are accepted: localhost, single-label names and private, loopback
 * or link-local IP addresses cannot be taken down by anyone and are almost always a paste
 * mistake (a local archive copy, a router page).
 */
import { found, reject, type PlatformResult } from './types';

const TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'si',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rb_clickid',
  's_cid',
  'wickedid',
  'srsltid',
]);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

export function parseWebsiteUrl(url: URL): PlatformResult {
  const local = localHostProblem(url.hostname);
  if (local) return reject('local-address', `${local}; only sites on the public internet can be catalogued.`);

  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  // Code-unit order, not localeCompare: the key must not depend on the machine's locale.
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  // Single-page sites route with "#/…" or "#!…": there the fragment names the page.
  const route = /^#[!/]./.test(url.hash) ? url.hash : '';
  const identity = `${url.host}${path}${query}${route}`;
  // The URL parser turns non-ASCII host names into "xn--" form, so a lookalike such as
  // "t.mе" (Cyrillic е) can never match a platform; say so, because it looks like one.
  const idn = url.hostname.split('.').some((label) => label.startsWith('xn--'));
  return found({
    platform: 'website',
    kind: 'website',
    key: `website:${identity}`,
    canonicalUrl: `${url.protocol}//${url.host}${path || '/'}${query}${route}`,
    ...(idn
      ? {
          note: `The host name contains non-Latin letters (${url.hostname}); check that it is not imitating another site.`,
        }
      : {}),
  });
}

function localHostProblem(host: string): string | null {
  if (host === 'localhost' || host.endsWith('.localhost')) return `"${host}" is this computer`;
  if (host.startsWith('[')) return ipv6Problem(host);
  const v4 = ipv4Parts(host);
  if (v4) return ipv4Problem(host, v4);
  if (!host.includes('.')) return `"${host}" is a local network name`;
  if (/\.(local|internal|lan|home\.arpa)$/.test(host)) return `"${host}" is a local network name`;
  return null;
}

function ipv4Parts(host: string): number[] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

function ipv4Problem(host: string, [a = 0, b = 0]: number[]): string | null {
  if (a === 127) return `"${host}" is this computer`;
  const isPrivate =
    a === 0 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127);
  if (isPrivate) return `"${host}" is a private network address`;
  if (a === 169 && b === 254) return `"${host}" is a link-local address`;
  if (a >= 224) return `"${host}" is a multicast or reserved address`;
  return null;
}

function ipv6Problem(host: string): string | null {
  const addr = host.slice(1, -1).toLowerCase();
  if (addr === '::1') return `"${host}" is this computer`;
  if (addr === '::') return `"${host}" is not a real address`;
  // IPv4-mapped addresses (::ffff:7f00:1) are judged as the IPv4 address they carry.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(addr);
  if (mapped) {
    const hi = parseInt(mapped[1] ?? '0', 16);
    const lo = parseInt(mapped[2] ?? '0', 16);
    const parts = [hi >> 8, hi & 255, lo >> 8, lo & 255];
    return ipv4Problem(host, parts);
  }
  if (/^f[cd]/.test(addr)) return `"${host}" is a private network address`;
  if (/^fe[89ab]/.test(addr)) return `"${host}" is a link-local address`;
  return null;
}
