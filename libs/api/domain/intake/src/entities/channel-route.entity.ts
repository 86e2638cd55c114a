import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * (provider, external id) → hotel, readable before any tenant scope only for the one key being resolved
 * (`app.channel_lookup`). Kept in step with channel_account by ChannelAccountsService in the same transaction.
 */
@Entity({ name: 'channel_route' })
export class ChannelRouteEntity {
  @PrimaryColumn('text') provider: string;
  @PrimaryColumn('text', { name: 'external_id' }) externalId: string;
  @Column('uuid', { name: 'hotel_id' }) hotelId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text', { name: 'verify_token_hash', nullable: true }) verifyTokenHash: string | null;
}
