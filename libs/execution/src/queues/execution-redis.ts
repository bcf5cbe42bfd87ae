/** An ioredis connection for the execution layer's own keys (throttle windows). */
export const EXECUTION_REDIS = Symbol('EXECUTION_REDIS');
