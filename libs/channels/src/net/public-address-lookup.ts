import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { type LookupFunction } from 'node:net';
import { isBlockedAddress } from './blocked-address';
import { BlockedAddressError } from './outbound-request-error';

/**
 * A DNS lookup for sockets that refuses internal addresses. Checking at connect time, on the very
 * addresses the socket will use, leaves no gap for DNS rebinding (a name that resolves to a
 * public address when checked and to 127.0.0.1 when connecting). Every address of the name must
 * be public: a name with one internal record is refused.
 */
export const publicAddressLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const blocked = addresses.find((entry) => isBlockedAddress(entry.address));
    if (blocked || addresses.length === 0) {
      callback(new BlockedAddressError(`${hostname} resolves to ${blocked?.address ?? 'nothing'}, an internal address`), '', 0);
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Resolves `hostname` and throws BlockedAddressError unless every address is public (for clients that resolve themselves, like SMTP). */
export function assertPublicHost(hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    publicAddressLookup(hostname, { all: true }, (error) => (error ? reject(error) : resolve()));
  });
}
