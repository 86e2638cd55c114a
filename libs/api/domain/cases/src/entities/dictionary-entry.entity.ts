import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DictionaryKind } from '@baton/shared/contracts';

/** A hotel's own list of request types, labels, lost reasons and teams. */
@Entity({ name: 'hotel_dictionary' })
export class DictionaryEntryEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('text') kind: DictionaryKind;
  @PrimaryColumn('text') code: string;
  @Column('text', { name: 'label_tr' }) labelTr: string;
  @Column('text', { name: 'label_en' }) labelEn: string;
  @Column('int') sort: number;
  @Column('boolean') active: boolean;
}
