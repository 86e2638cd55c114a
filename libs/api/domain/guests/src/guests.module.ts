import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GUEST_ENTITIES } from './entities';
import { GuestMergesResolver } from './resolvers/guest-merges.resolver';
import { GuestsResolver } from './resolvers/guests.resolver';
import { GuestDirectoryService } from './services/guest-directory.service';
import { GuestMergesService } from './services/guest-merges.service';
import { GuestsService } from './services/guests.service';

/**
 * Guests and their identities (phone, WhatsApp, Instagram, Messenger, e-mail), the scored matcher that links an
 * inbound contact to a guest, and reversible merges. GuestsService is exported for the inbound pipeline.
 */
@Module({
  imports: [TypeOrmModule.forFeature(GUEST_ENTITIES)],
  providers: [GuestsService, GuestDirectoryService, GuestMergesService, GuestsResolver, GuestMergesResolver],
  exports: [GuestsService],
})
export class GuestsModule {}
