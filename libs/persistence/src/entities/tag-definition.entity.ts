import { type TagType } from '@engine/journey';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A tag of a project's catalogue with its enforced type. Written only through `TagDefinitionStore`. */
@Entity({ name: 'tag_definitions' })
@Check('tag_definitions_type_check', "type IN ('string', 'integer', 'decimal', 'boolean', 'date', 'list')")
export class TagDefinitionEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: TagType;

  @Column({ type: 'text', default: '' })
  description!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
