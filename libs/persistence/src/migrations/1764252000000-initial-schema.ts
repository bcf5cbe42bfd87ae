import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The first schema: projects, users, events, journeys and their versions, instances, outbox, messages. */
export class InitialSchema1764252000000 implements MigrationInterface {
  name = 'InitialSchema1764252000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        api_key_hash text NOT NULL,
        api_key_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projects_api_key_hash_unique UNIQUE (api_key_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        tags jsonb NOT NULL DEFAULT '{}',
        email text,
        phone text,
        push_tokens jsonb NOT NULL DEFAULT '[]',
        time_zone text,
        language text,
        opt_ins jsonb NOT NULL DEFAULT '{"push":true,"email":true,"whatsapp":true,"sms":true}',
        last_inbound_whatsapp_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_project_external_id ON users (project_id, external_id)`);
    await queryRunner.query(`CREATE INDEX users_project_phone ON users (project_id, phone)`);

    await queryRunner.query(`
      CREATE TABLE events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        attributes jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        idempotency_key text,
        processed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX events_project_idempotency_key ON events (project_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX events_user_name_time ON events (user_id, name, occurred_at)`);
    await queryRunner.query(`CREATE INDEX events_unprocessed ON events (id) WHERE processed_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE journeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        draft_graph jsonb NOT NULL,
        live_version_id uuid,
        live_version_number int,
        entry_events text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT journeys_status_check CHECK (status IN ('draft', 'live', 'paused', 'archived'))
      )`);
    await queryRunner.query(`CREATE INDEX journeys_project_status ON journeys (project_id, status)`);
    await queryRunner.query(`CREATE INDEX journeys_entry_events ON journeys USING gin (entry_events)`);

    await queryRunner.query(`
      CREATE TABLE journey_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        version int NOT NULL,
        graph jsonb NOT NULL,
        compiled_hash text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX journey_versions_journey_version ON journey_versions (journey_id, version)`);

    await queryRunner.query(`
      CREATE TABLE journey_instances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES journey_versions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'active',
        snapshot jsonb NOT NULL,
        current_node_id text NOT NULL,
        waiting_for text[] NOT NULL DEFAULT '{}',
        timer_id text,
        lock_version int NOT NULL DEFAULT 0,
        entered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CONSTRAINT journey_instances_status_check CHECK (status IN ('active', 'completed', 'converted', 'stopped'))
      )`);
    await queryRunner.query(`CREATE INDEX journey_instances_user_status ON journey_instances (user_id, status)`);
    await queryRunner.query(
      `CREATE INDEX journey_instances_journey_node ON journey_instances (journey_id, status, current_node_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        instance_id uuid NOT NULL REFERENCES journey_instances(id) ON DELETE CASCADE,
        kind text NOT NULL,
        effect jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'done', 'cancelled', 'failed'))
      )`);
    await queryRunner.query(`CREATE INDEX outbox_pending_due ON outbox (due_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX outbox_instance ON outbox (instance_id)`);

    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        journey_id uuid REFERENCES journeys(id) ON DELETE SET NULL,
        instance_id uuid REFERENCES journey_instances(id) ON DELETE SET NULL,
        node_id text,
        visit int NOT NULL DEFAULT 1,
        channel text NOT NULL,
        provider text NOT NULL DEFAULT 'sandbox',
        status text NOT NULL DEFAULT 'queued',
        status_history jsonb NOT NULL DEFAULT '[]',
        provider_message_id text,
        idempotency_key text NOT NULL,
        content jsonb NOT NULL DEFAULT '{}',
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX messages_idempotency_key ON messages (idempotency_key)`);
    await queryRunner.query(`CREATE INDEX messages_provider_message_id ON messages (channel, provider_message_id)`);
    await queryRunner.query(`CREATE INDEX messages_journey_node ON messages (journey_id, node_id)`);
    await queryRunner.query(`CREATE INDEX messages_user ON messages (user_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE whatsapp_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        language text NOT NULL,
        category text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        components jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX whatsapp_templates_project_name_language ON whatsapp_templates (project_id, name, language)`,
    );

    await queryRunner.query(`
      CREATE TABLE journey_node_counters (
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        entered bigint NOT NULL DEFAULT 0,
        completed bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (journey_id, node_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE conversions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        instance_id uuid NOT NULL REFERENCES journey_instances(id) ON DELETE CASCADE,
        goal_id text NOT NULL,
        node_id text NOT NULL,
        converted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX conversions_instance_goal ON conversions (instance_id, goal_id)`);
    await queryRunner.query(`CREATE INDEX conversions_journey ON conversions (journey_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'conversions',
      'journey_node_counters',
      'whatsapp_templates',
      'messages',
      'outbox',
      'journey_instances',
      'journey_versions',
      'journeys',
      'events',
      'users',
      'projects',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
