import { queueBackendFromEnv, queueConnection, queuePoolMax, queueSchema, redisOptionsFromUrl } from './queue-backend';

describe('queue backend', () => {
  it('runs the queues on Redis when REDIS_URL is set, else on PostgreSQL in the product database', () => {
    expect(queueBackendFromEnv({ REDIS_URL: 'redis://cache:6379' }, 'postgres://db/journeys')).toEqual({ kind: 'redis', url: 'redis://cache:6379' });
    expect(queueBackendFromEnv({}, 'postgres://db/journeys')).toEqual({ kind: 'postgres', url: 'postgres://db/journeys' });
    expect(queueBackendFromEnv({ REDIS_URL: '' }, 'postgres://db/journeys')).toEqual({ kind: 'postgres', url: 'postgres://db/journeys' });
  });

  it('names a PostgreSQL schema after the queue prefix, as a safe identifier of at most 63 characters', () => {
    expect(queueSchema('journeys')).toBe('queues_journeys');
    expect(queueSchema('test-AB12cd')).toBe('queues_test_ab12cd');
    expect(queueSchema('x'.repeat(100))).toHaveLength(63);
  });

  it('keys Redis queues by prefix, and gives PostgreSQL a migrated pool in the schema without waiting on commits', () => {
    expect(queueConnection({ kind: 'redis', url: 'redis://:secret@cache:6380/2' }, 'p')).toEqual({
      connection: { host: 'cache', port: 6380, password: 'secret', db: 2 },
      prefix: 'p',
    });
    expect(queueConnection({ kind: 'postgres', url: 'postgres://db/journeys' }, 'p')).toEqual({
      connection: expect.objectContaining({
        connectionString: 'postgres://db/journeys',
        schema: 'queues_p',
        migrate: true,
        max: queuePoolMax(),
        options: '-c synchronous_commit=off',
      }) as unknown,
    });
  });

  it('reads the PostgreSQL pool size from QUEUE_POOL_MAX and refuses nonsense', () => {
    expect(queuePoolMax({})).toBe(2);
    expect(queuePoolMax({ QUEUE_POOL_MAX: '1' })).toBe(1);
    expect(() => queuePoolMax({ QUEUE_POOL_MAX: '0' })).toThrow('QUEUE_POOL_MAX must be a positive whole number, got "0"');
    expect(() => queuePoolMax({ QUEUE_POOL_MAX: 'many' })).toThrow('QUEUE_POOL_MAX');
  });

  it('reads ioredis options from a redis:// URL', () => {
    expect(redisOptionsFromUrl('redis://user:p%40ss@host')).toEqual({ host: 'host', port: 6379, username: 'user', password: 'p@ss' });
  });
});
