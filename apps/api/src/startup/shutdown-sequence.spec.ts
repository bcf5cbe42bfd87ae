import { ShutdownSequence } from './shutdown-sequence';

describe('ShutdownSequence', () => {
  it('stops what was started in reverse order, once', async () => {
    const stopped: string[] = [];
    const shutdown = new ShutdownSequence();
    shutdown.add(() => Promise.resolve(void stopped.push('database')));
    shutdown.add(() => Promise.resolve(void stopped.push('app')));
    await Promise.all([shutdown.run(), shutdown.run()]);
    expect(stopped).toEqual(['app', 'database']);
  });

  it('runs every step even when one fails, then reports the failure', async () => {
    const stopped: string[] = [];
    const shutdown = new ShutdownSequence();
    shutdown.add(() => Promise.resolve(void stopped.push('database')));
    shutdown.add(() => Promise.reject(new Error('app would not close')));
    await expect(shutdown.run()).rejects.toThrow('app would not close');
    expect(stopped).toEqual(['database']);
  });
});
