import { decideAccess, isStateChanging, loginAllowed, passwordProblem, PERMISSIONS, type Caller, type Permission } from './access-policy';

describe('decideAccess', () => {
  const project = (permission: Permission) => ({ kind: 'project' as const, permission });

  it.each<[string, Caller, Permission[]]>([
    ['owner', { kind: 'session', role: 'owner' }, ['read', 'ingest', 'edit', 'manage']],
    ['editor', { kind: 'session', role: 'editor' }, ['read', 'ingest', 'edit']],
    ['viewer', { kind: 'session', role: 'viewer' }, ['read']],
    ['non-member', { kind: 'session', role: null }, []],
    ['full key', { kind: 'key', scope: 'full' }, ['read', 'ingest', 'edit', 'manage']],
    ['ingest key', { kind: 'key', scope: 'ingest' }, ['ingest']],
    ['read key', { kind: 'key', scope: 'read' }, ['read']],
    ['anonymous', { kind: 'anonymous' }, []],
  ])('%s is allowed exactly %j', (_, caller, allowed) => {
    expect(PERMISSIONS.filter((permission) => decideAccess(project(permission), caller).allowed)).toEqual(allowed);
  });

  it('answers 401 to anonymous callers and 403 to known ones lacking the right', () => {
    expect(decideAccess(project('read'), { kind: 'anonymous' })).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess(project('edit'), { kind: 'session', role: 'viewer' })).toMatchObject({ allowed: false, status: 403, message: expect.stringContaining('viewer') as unknown });
    expect(decideAccess(project('read'), { kind: 'key', scope: 'ingest' })).toMatchObject({ allowed: false, status: 403, message: expect.stringContaining('ingest') as unknown });
  });

  it('keeps signed-in routes for sessions and public routes open', () => {
    expect(decideAccess({ kind: 'signed-in' }, { kind: 'session', role: null }).allowed).toBe(true);
    expect(decideAccess({ kind: 'signed-in' }, { kind: 'key', scope: 'full' })).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess({ kind: 'signed-in' }, { kind: 'anonymous' })).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess({ kind: 'public' }, { kind: 'anonymous' }).allowed).toBe(true);
    expect(decideAccess({ kind: 'anyone' }, { kind: 'anonymous' }).allowed).toBe(true);
  });
});

describe('isStateChanging', () => {
  it('is false for reads only', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isStateChanging)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'delete'].map(isStateChanging)).toEqual([true, true, true, true]);
  });
});

describe('loginAllowed', () => {
  it('stops after 5 failures for one email or 30 from one address', () => {
    expect(loginAllowed({ email: 4, ip: 29 })).toBe(true);
    expect(loginAllowed({ email: 5, ip: 0 })).toBe(false);
    expect(loginAllowed({ email: 0, ip: 30 })).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('refuses short passwords and the email itself', () => {
    expect(passwordProblem('short', 'a@b.c')).toContain('at least 10');
    expect(passwordProblem('Ann@Example.com', 'ann@example.com')).toContain('email');
    expect(passwordProblem('correct horse battery', 'ann@example.com')).toBeNull();
  });
});
