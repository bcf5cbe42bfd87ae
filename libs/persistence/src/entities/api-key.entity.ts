import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const API_KEY_SCOPES = ['full', 'ingest', 'read'] as const;
/** full: everything an owner may do in the project; ingest: post events, users and journey entries; read: read only. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A named key of a project. Written only through `ApiKeyStore`. */
@Entity({ name: 'api_keys' })
@Check('api_keys_scope_check', "scope IN ('full', 'ingest', 'read')")
@Index('api_keys_key_hash', ['keyHash'], { unique: true })
@Index('api_keys_project', ['projectId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  scope!: ApiKeyScope;

  /** SHA-256 of the key; keys are 32 random bytes, so a fast hash is enough and lookups stay indexed. */
  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  /** First characters of the key, shown so people can tell keys apart. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
