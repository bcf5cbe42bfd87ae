import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * People and keys: accounts, their sessions and one-time links, login attempts (rate limit),
 * project members with roles, invitations, named API keys with scopes (the projects' single keys
 * become each project's "Default key", full scope) and the audit log.
 */
export class TeamAccess1764338400000 implements MigrationInterface {
  name = 'TeamAccess1764338400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX accounts_email ON accounts (email)`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        csrf_token text NOT NULL,
        project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sessions_token_hash ON sessions (token_hash)`);
    await queryRunner.query(`CREATE INDEX sessions_account ON sessions (account_id)`);

    await queryRunner.query(`
      CREATE TABLE one_time_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        purpose text NOT NULL CONSTRAINT one_time_links_purpose_check CHECK (purpose IN ('sign_in', 'password_reset')),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX one_time_links_token_hash ON one_time_links (token_hash)`);

    await queryRunner.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL,
        succeeded boolean NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX login_attempts_email_at ON login_attempts (email, at)`);
    await queryRunner.query(`CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at)`);

    await queryRunner.query(`
      CREATE TABLE project_members (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT project_members_role_check CHECK (role IN ('owner', 'editor', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, account_id)
      )`);
    await queryRunner.query(`CREATE INDEX project_members_account ON project_members (account_id)`);

    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT invitations_role_check CHECK (role IN ('owner', 'editor', 'viewer')),
        token_hash text NOT NULL,
        invited_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES accounts(id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX invitations_token_hash ON invitations (token_hash)`);

    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        scope text NOT NULL CONSTRAINT api_keys_scope_check CHECK (scope IN ('full', 'ingest', 'read')),
        key_hash text NOT NULL,
        key_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX api_keys_key_hash ON api_keys (key_hash)`);
    await queryRunner.query(`CREATE INDEX api_keys_project ON api_keys (project_id)`);
    await queryRunner.query(`
      INSERT INTO api_keys (project_id, name, scope, key_hash, key_prefix, created_at)
      SELECT id, 'Default key', 'full', api_key_hash, api_key_prefix, created_at FROM projects`);
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN api_key_hash, DROP COLUMN api_key_prefix`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_project ON audit_log (project_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN api_key_hash text, ADD COLUMN api_key_prefix text`);
    await queryRunner.query(`
      UPDATE projects p SET api_key_hash = k.key_hash, api_key_prefix = k.key_prefix
        FROM (SELECT DISTINCT ON (project_id) project_id, key_hash, key_prefix FROM api_keys WHERE revoked_at IS NULL ORDER BY project_id, created_at) k
       WHERE k.project_id = p.id`);
    await queryRunner.query(`UPDATE projects SET api_key_hash = 'revoked-' || id, api_key_prefix = 'jk_none' WHERE api_key_hash IS NULL`);
    await queryRunner.query(`ALTER TABLE projects ALTER COLUMN api_key_hash SET NOT NULL, ALTER COLUMN api_key_prefix SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE projects ADD CONSTRAINT projects_api_key_hash_unique UNIQUE (api_key_hash)`);
    for (const table of ['audit_log', 'api_keys', 'invitations', 'project_members', 'login_attempts', 'one_time_links', 'sessions', 'accounts']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
