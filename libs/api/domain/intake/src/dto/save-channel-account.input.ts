import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ChannelProvider } from '@baton/shared/contracts';

const PROVIDERS = Object.values(ChannelProvider) as string[];

@InputType()
export class SaveChannelAccountInput {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true, description: 'Omit to create' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string | null;
  @Field({ description: PROVIDERS.join(', ') })
  @IsIn(PROVIDERS, { message: `provider must be one of: ${PROVIDERS.join(', ')}` })
  provider: string;
  @Field({ description: 'phone_number_id, IG account id or page id (digits); form/account key for the others' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'externalId may contain letters, digits, dot, dash and underscore only',
  })
  externalId: string;
  @Field() @IsString() @Length(1, 120) displayName: string;
  @Field(() => String, { nullable: true, description: 'Webhook signing secret. Omit to keep, null to clear' })
  @IsOptional()
  @IsString()
  @Length(8, 500)
  appSecret?: string | null;
  @Field(() => String, { nullable: true, description: 'Provider token for replies. Omit to keep, null to clear' })
  @IsOptional()
  @IsString()
  @Length(8, 4000)
  accessToken?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Meta verification handshake token. Omit to keep, null to clear',
  })
  @IsOptional()
  @IsString()
  @Length(8, 500)
  verifyToken?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true on create' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
