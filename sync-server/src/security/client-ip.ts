import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import type { Context } from 'hono';

/*
 * Who a request comes from, for rate limits, lockouts and the sessions list. X-Forwarded-For is anyone's
 * to write, so it counts only behind proxies the operator declares (FACTURO_TRUST_PROXY = how many):
 * each proxy appends the address it received the request from, so the client is that many entries
 * from the right; whatever the client itself wrote stays to the left, ignored.
 */

/** The client's address from the connection and, behind `trustProxy` proxies, X-Forwarded-For. */
export function clientAddress(remote: string | undefined, forwardedFor: string | undefined, trustProxy: number): string {
  if (trustProxy > 0 && forwardedFor) {
    const chain = forwardedFor.split(',').map((a) => a.trim()).filter(Boolean);
    const client = chain.at(-trustProxy) ?? chain[0];
    if (client) return client;
  }
  return remote ?? 'unknown';
}

/** The client address of a request served by @hono/node-server (`c.env.incoming` is Node's request). */
export function clientIp(c: Context, trustProxy: number): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return clientAddress(incoming?.socket.remoteAddress, c.req.header('x-forwarded-for'), trustProxy);
}

/**
 * The bucket an address is counted in: an IPv4 address itself; an IPv6 address by its /64 network,
 * since one subscriber holds a whole /64 and could otherwise change address at every attempt.
 */
export function addressBucket(address: string): string {
  const ip = address.replace(/%.*$/, '');
  if (ip.toLowerCase().startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 address (x:x::1.2.3.4) fills two groups.
  const rightLength = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const full = [...left, ...Array<string>(8 - left.length - rightLength).fill('0'), ...right];
  return `${full.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
