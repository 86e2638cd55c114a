import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('GuestIdentity')
export class GuestIdentityObject {
  @Field(() => ID) id: string;
  @Field({ description: 'phone | whatsapp | instagram | messenger | email' }) kind: string;
  @Field({ description: 'In full with cases.write or pii.reveal on the hotel, masked otherwise' }) value: string;
}

@ObjectType('MatchReason')
export class MatchReasonObject {
  @Field({
    description:
      'same_phone, same_whatsapp, same_email, same_instagram, same_messenger, same_name_similar_phone, same_name, similar_name',
  })
  code: string;
  @Field(() => Int) points: number;
  @Field(() => String, { nullable: true, description: 'Never a full contact value' }) detail: string | null;
}

@ObjectType('Guest')
export class GuestObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field(() => String, { nullable: true }) displayName: string | null;
  @Field(() => [GuestIdentityObject]) identities: GuestIdentityObject[];
  @Field(() => ID, { nullable: true, description: 'Set while this guest is merged into another one' })
  mergedIntoId: string | null;
  @Field(() => [ID], {
    description: 'This guest and every guest currently merged into it (cases of all of them belong to this guest)',
  })
  memberIds: string[];
  @Field(() => Int, { description: 'Cases opened for this guest and its members' }) pastCaseCount: number;
  @Field({ description: 'pastCaseCount > 1: the guest had a case before their latest one' }) isRepeat: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('MergeSuggestion')
export class MergeSuggestionObject {
  @Field(() => ID) id: string;
  @Field(() => GuestObject, { description: 'The guest the suggestion was raised for (usually the newer one)' })
  guest: GuestObject;
  @Field(() => GuestObject) candidate: GuestObject;
  @Field(() => Int) score: number;
  @Field(() => [MatchReasonObject]) reasons: MatchReasonObject[];
  @Field({ description: 'open | merged | dismissed' }) status: string;
  @Field() createdAt: Date;
}

@ObjectType('GuestMerge')
export class GuestMergeObject {
  @Field(() => ID) id: string;
  @Field(() => ID) survivorId: string;
  @Field(() => ID) mergedId: string;
  @Field(() => [MatchReasonObject]) reasons: MatchReasonObject[];
  @Field() mergedAt: Date;
  @Field(() => String, { nullable: true }) mergedByName: string | null;
  @Field(() => Date, { nullable: true }) undoneAt: Date | null;
}
