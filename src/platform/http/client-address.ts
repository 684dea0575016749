/**
 * The client, as limits and lockouts count it. An IPv4 address is one client; an IPv6 client is
 * given a whole /64 (RFC 6177's smallest end-site assignment), and changes address within it at
 * will, so counting single IPv6 addresses would let one client try without limit.
 */
import { isIPv6 } from 'node:net';

/** `address` as a limit's key: IPv4 as it is, IPv6 as its /64 (`2001:db8:1:2::/64`). */
export function clientKey(address: string): string {
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  // An embedded IPv4 tail counts as two groups; it lies past the first four anyway.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = [...left, ...Array(8 - width(left) - width(right)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => String(Number.parseInt(g, 16).toString(16)))
    .join(':')}::/64`;
}
