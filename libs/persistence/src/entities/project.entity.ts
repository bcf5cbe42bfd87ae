import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A customer's application. Every other row belongs to exactly one project. */
@Entity({ name: 'projects' })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** SHA-256 of the API key; keys are 32 random bytes, so a fast hash is enough and lookups stay indexed. */
  @Column({ name: 'api_key_hash', type: 'text', unique: true })
  apiKeyHash!: string;

  /** First characters of the key, shown so people can tell keys apart. */
  @Column({ name: 'api_key_prefix', type: 'text' })
  apiKeyPrefix!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
