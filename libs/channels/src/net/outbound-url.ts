import { isIP } from 'node:net';
import { maskUrlCredentials } from '../crypto/url-credentials';
import { isBlockedAddress } from './blocked-address';
import { OutboundRequestError } from './outbound-request-error';

/**
 * Parses a URL that a project or a user supplied and refuses what must not be called: anything
 * but http(s) and, unless private networks are allowed, an IP literal of an internal address
 * (sockets skip DNS for literals, so the lookup hook alone would not see them). Names, including
 * `localhost`, are checked when the socket resolves them (publicAddressLookup).
 */
export function parseOutboundUrl(raw: string, allowPrivateNetworks: boolean, protocols: readonly string[] = ['http:', 'https:']): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRequestError('invalid-url', `"${maskUrlCredentials(raw)}" is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new OutboundRequestError('invalid-url', `${url.protocol.replace(/:$/, '')} URLs are not allowed (only ${protocols.map((p) => p.replace(/:$/, '')).join(', ')})`);
  }
  if (!allowPrivateNetworks) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // The WHATWG parser already turned 0x7f.1 or 2130706433 into 127.0.0.1.
    if (isIP(host) !== 0 && isBlockedAddress(host)) {
      throw new OutboundRequestError('blocked-address', `${url.hostname} is an internal address`);
    }
  }
  return url;
}
