import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last case number issued per hotel and year; only ever touched by the UPSERT in CaseNumbers. */
@Entity({ name: 'case_counter' })
export class CaseCounterEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('int') year: number;
  @Column('int', { name: 'last_value' }) lastValue: number;
}
