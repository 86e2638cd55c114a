import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A provider account of a hotel (WhatsApp number, IG account, page, form, mailbox, OTA feed, PBX). */
@Entity({ name: 'channel_account' })
export class ChannelAccountEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') provider: string;
  @Column('text', { name: 'external_id' }) externalId: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  /** SecretBox ciphertexts (tenant id as AAD); never leave the service. */
  @Column('text', { name: 'app_secret_enc', nullable: true }) appSecretEnc: string | null;
  @Column('text', { name: 'access_token_enc', nullable: true }) accessTokenEnc: string | null;
  @Column('text', { name: 'verify_token_hash', nullable: true }) verifyTokenHash: string | null;
  @Column('boolean') active: boolean;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
