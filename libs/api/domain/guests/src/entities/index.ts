export * from './guest.entity';
export * from './guest-identity.entity';
export * from './guest-merge.entity';
export * from './guest-match-suggestion.entity';

import { GuestEntity } from './guest.entity';
import { GuestIdentityEntity } from './guest-identity.entity';
import { GuestMatchSuggestionEntity } from './guest-match-suggestion.entity';
import { GuestMergeEntity } from './guest-merge.entity';

export const GUEST_ENTITIES = [GuestEntity, GuestIdentityEntity, GuestMergeEntity, GuestMatchSuggestionEntity];
