/**
 * Deployment-wide rules for calls to URLs that project settings or end users control (webhook
 * URLs, push subscription endpoints, an SMS gateway, an SMTP host). Set by whoever runs the
 * engine, never by a project: a project that could set them could reach the inside network.
 */
export interface OutboundPolicy {
  /** Let requests reach loopback, private, link-local and other internal addresses (dev, tests, on-prem). */
  allowPrivateNetworks?: boolean;
  /** Extra trusted CA certificates (PEM): a corporate TLS proxy, a self-signed test server. */
  extraCaCerts?: string;
}
