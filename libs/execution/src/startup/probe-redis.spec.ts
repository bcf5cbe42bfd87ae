import { createServer } from 'node:net';
import { probeRedis, redisUnreachableMessage } from './probe-redis';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('probeRedis', () => {
  it('answers null for the machine Redis', async () => {
    expect(await probeRedis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379')).toBeNull();
  });

  it('names the reason when nothing answers, in one attempt', async () => {
    expect(await probeRedis(`redis://:secret@127.0.0.1:${await closedPort()}`, 1000)).toBe('ECONNREFUSED');
  });

  it('builds one line naming the masked URL and what to do', () => {
    const line = redisUnreachableMessage('redis://:secret@cache:6379', 'ECONNREFUSED');
    expect(line).toContain('redis://:***@cache:6379');
    expect(line).not.toContain('secret');
    expect(line).toContain('unset REDIS_URL');
  });
});
