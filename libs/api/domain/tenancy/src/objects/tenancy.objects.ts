import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User')
export class UserObject {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field() locale: string;
}

@ObjectType('Hotel')
export class HotelObject {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
  @Field() name: string;
  @Field() slug: string;
  @Field({ description: 'Short code used in Case IDs, e.g. BLK' }) code: string;
  @Field({ description: 'IANA time zone, e.g. Europe/Istanbul' }) timeZone: string;
  @Field() locale: string;
  @Field({ description: 'ISO 4217 currency code' }) currency: string;
  @Field(() => [String], { description: 'What the caller may do on this hotel' }) permissions: string[];
}

@ObjectType('AgencyMembership')
export class AgencyMembershipObject {
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field() role: string;
}

@ObjectType('Membership')
export class MembershipObject {
  @Field(() => ID) hotelId: string;
  @Field() hotelName: string;
  @Field(() => ID) userId: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field() role: string;
}

@ObjectType('Me')
export class MeObject {
  @Field(() => UserObject) user: UserObject;
  @Field(() => [AgencyMembershipObject]) agencies: AgencyMembershipObject[];
  @Field(() => [MembershipObject]) memberships: MembershipObject[];
  @Field(() => [HotelObject], { description: 'Every hotel the user reaches, directly or through an agency role' })
  hotels: HotelObject[];
}

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field() accessToken: string;
  @Field() refreshToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field(() => MeObject) me: MeObject;
}

@ObjectType('ApiKey')
export class ApiKeyObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
  @Field(() => [ID]) hotelIds: string[];
  @Field(() => [String]) scopes: string[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyObject {
  @Field(() => ApiKeyObject) apiKey: ApiKeyObject;
  @Field({ description: 'The key itself. Shown once; only its hash is stored.' }) secret: string;
}

@ObjectType('WallboardToken')
export class WallboardTokenObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field() name: string;
  @Field() board: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedWallboardToken')
export class CreatedWallboardTokenObject {
  @Field(() => WallboardTokenObject) wallboardToken: WallboardTokenObject;
  @Field({ description: 'The token for the TV. Shown once; only its hash is stored.' }) token: string;
}
