import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') slug: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
