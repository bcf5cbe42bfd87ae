/** Why an outbound request did not produce an HTTP response. */
export type OutboundFailure = 'invalid-url' | 'blocked-address' | 'timeout' | 'network';

export class OutboundRequestError extends Error {
  override readonly name = 'OutboundRequestError';

  constructor(
    readonly failure: OutboundFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Thrown from the DNS lookup hook, so the socket is never opened; carries an errno-like code. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'EBLOCKEDADDRESS';
}
