import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
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

/** Every address of a name, as `dns.lookup(name, { all: true })` gives them (injectable in tests). */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

export const lookupAllAddresses: HostLookup = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => (error ? reject(error) : resolve(addresses)));
  });

/**
 * The one address a client that resolves names itself (nodemailer) must connect to: `hostname`
 * resolved once, every address checked (BlockedAddressError when one is internal, unless private
 * networks are allowed), IPv4 first. Connecting to this address rather than handing over the name
 * leaves no second resolution for DNS rebinding to answer differently. IP literals are themselves.
 */
export async function resolvePinnedAddress(hostname: string, allowPrivateNetworks: boolean, lookup: HostLookup = lookupAllAddresses): Promise<string> {
  const addresses = isIP(hostname) !== 0 ? [{ address: hostname, family: isIP(hostname) }] : await lookup(hostname);
  if (!allowPrivateNetworks) {
    const blocked = addresses.find((entry) => isBlockedAddress(entry.address));
    if (blocked) throw new BlockedAddressError(`${hostname} ${blocked.address === hostname ? 'is' : `resolves to ${blocked.address},`} an internal address`);
  }
  const chosen = addresses.find((entry) => entry.family === 4) ?? addresses[0];
  if (!chosen) throw new Error(`${hostname} resolves to no address`);
  return chosen.address;
}
