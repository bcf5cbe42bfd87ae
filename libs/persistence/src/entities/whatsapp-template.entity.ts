import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const WHATSAPP_TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type WhatsAppTemplateCategory = (typeof WHATSAPP_TEMPLATE_CATEGORIES)[number];
/** Meta's verdicts: only `approved` templates can be sent. `deleted` is kept so journeys naming the template say why. */
export const WHATSAPP_TEMPLATE_STATUSES = ['pending', 'approved', 'rejected', 'paused', 'disabled', 'deleted'] as const;
export type WhatsAppTemplateStatus = (typeof WHATSAPP_TEMPLATE_STATUSES)[number];

/** A WhatsApp message template as registered with Meta; only approved ones can be published. */
@Entity({ name: 'whatsapp_templates' })
@Index('whatsapp_templates_project_name_language', ['projectId', 'name', 'language'], { unique: true })
export class WhatsAppTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  category!: WhatsAppTemplateCategory;

  @Column({ type: 'text', default: 'pending' })
  status!: WhatsAppTemplateStatus;

  /** Meta's explanation of the status (a rejection reason, why it was paused); null when set by hand. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  /** When Meta triggered the webhook that set the status: older (redelivered) webhooks change nothing. */
  @Column({ name: 'status_reported_at', type: 'timestamptz', nullable: true })
  statusReportedAt!: Date | null;

  /** Meta's component list (HEADER, BODY, FOOTER, BUTTONS) as JSON. */
  @Column({ type: 'jsonb', default: [] })
  components!: Record<string, unknown>[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
