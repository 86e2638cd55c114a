import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HotelRole, RaciRole } from '@baton/shared/contracts';
import type { RaciDocument } from '../rules/raci-document';

/** One per hotel that has a matrix: the version every whole-matrix save bumps (optimistic concurrency). */
@Entity({ name: 'raci_matrix' })
export class RaciMatrixEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
  @Column('boolean', { name: 'auto_assign' }) autoAssign: boolean;
  @Column('text', { name: 'digest_time', nullable: true }) digestTime: string | null;
}

@Entity({ name: 'raci_party' })
export class RaciPartyEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('text') key: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) team: string | null;
  @Column('int') position: number;
  @Column('uuid', { name: 'user_ids', array: true }) userIds: string[];
  @Column('text', { array: true }) roles: HotelRole[];
}

@Entity({ name: 'raci_step' })
export class RaciStepEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('text') key: string;
  @Column('text') name: string;
  @Column('int') position: number;
}

@Entity({ name: 'raci_assignment' })
export class RaciAssignmentEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('text', { name: 'step_key' }) stepKey: string;
  @PrimaryColumn('text', { name: 'party_key' }) partyKey: string;
  @Column('char', { length: 1 }) role: RaciRole;
}

/** An agency's template matrix: a document copied onto its hotels by applyRaciTemplate. */
@Entity({ name: 'raci_template' })
export class RaciTemplateEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('jsonb') document: RaciDocument;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

export const RACI_ENTITIES = [
  RaciMatrixEntity,
  RaciPartyEntity,
  RaciStepEntity,
  RaciAssignmentEntity,
  RaciTemplateEntity,
];
