import { connectionFailureReason } from './connection-failure-reason';

describe('connectionFailureReason', () => {
  it('prefers the system code, else the first line of the message', () => {
    expect(connectionFailureReason(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(connectionFailureReason(Object.assign(new Error('password authentication failed for user "app"\nmore'), { code: '28P01' }))).toBe(
      'password authentication failed for user "app"',
    );
    expect(connectionFailureReason('plain')).toBe('plain');
  });
});
