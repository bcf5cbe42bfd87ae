import { apiRequest } from '../api/api-client';
import { type ApiSchemas } from '../api/api-schemas';

export type SessionInfo = ApiSchemas['SessionDto'];
export type Membership = ApiSchemas['MembershipDto'];
export type ProjectRole = Membership['role'];
export type Project = ApiSchemas['ProjectDto'];
export type Member = ApiSchemas['MemberDto'];
export type Invitation = ApiSchemas['InvitationDto'];
export type ApiKey = ApiSchemas['ApiKeyDto'];
export type CreatedApiKey = ApiSchemas['CreatedApiKeyDto'];
export type ApiKeyScope = ApiKey['scope'];

/** Sign-in, the session and the person's projects. */
export const sessionApi = {
  get: (): Promise<SessionInfo> => apiRequest('GET', '/api/v1/auth/session'),
  signIn: (email: string, password: string): Promise<void> => apiRequest('POST', '/api/v1/auth/sign-in', { email, password }),
  signOut: (): Promise<void> => apiRequest('POST', '/api/v1/auth/sign-out'),
  switchProject: (projectId: string): Promise<SessionInfo> => apiRequest('PUT', '/api/v1/auth/session/project', { projectId }),
  changePassword: (currentPassword: string | undefined, newPassword: string): Promise<void> =>
    apiRequest('POST', '/api/v1/auth/password', currentPassword === undefined ? { newPassword } : { currentPassword, newPassword }),
  requestPasswordReset: (email: string): Promise<void> => apiRequest('POST', '/api/v1/auth/password-reset', { email }),
  completePasswordReset: (token: string, newPassword: string): Promise<void> => apiRequest('POST', '/api/v1/auth/password-reset/complete', { token, newPassword }),
  acceptInvitation: (token: string, credentials?: { email: string; password: string }): Promise<{ projectId: string }> =>
    apiRequest('POST', '/api/v1/invitations/accept', { token, ...credentials }),
  createProject: (name: string): Promise<Project> => apiRequest('POST', '/api/v1/projects', { name }),
  renameProject: (name: string): Promise<Project> => apiRequest('PATCH', '/api/v1/project', { name }),
};

/** The project's members, invitations and API keys (owners). */
export const teamApi = {
  members: (): Promise<Member[]> => apiRequest('GET', '/api/v1/members'),
  changeRole: (accountId: string, role: ProjectRole): Promise<Member> => apiRequest('PATCH', `/api/v1/members/${encodeURIComponent(accountId)}`, { role }),
  removeMember: (accountId: string): Promise<void> => apiRequest('DELETE', `/api/v1/members/${encodeURIComponent(accountId)}`),
  invite: (role: ProjectRole): Promise<Invitation> => apiRequest('POST', '/api/v1/invitations', { role }),
  keys: (): Promise<ApiKey[]> => apiRequest('GET', '/api/v1/api-keys'),
  createKey: (name: string, scope: ApiKeyScope): Promise<CreatedApiKey> => apiRequest('POST', '/api/v1/api-keys', { name, scope }),
  revokeKey: (id: string): Promise<ApiKey> => apiRequest('DELETE', `/api/v1/api-keys/${encodeURIComponent(id)}`),
};
