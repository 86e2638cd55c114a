import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Channel } from '@baton/shared/contracts';
import { IsLocalDate, IsOnOrAfter } from './local-date.validators';

const CHANNELS = Object.values(Channel) as string[];
export const UTM_CAMPAIGN_PATTERN = /^[a-z0-9][a-z0-9_-]{1,60}$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

@InputType({ description: 'Creates a campaign (no id) or replaces the brief of one (id)' })
export class SaveCampaignInput {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true, description: 'Omit to create' }) @IsOptional() @IsString() id?: string | null;
  @Field()
  @Transform(trim)
  @IsString()
  @Length(2, 120, { message: 'name must be 2 to 120 characters' })
  name: string;
  @Field({ description: 'utm_campaign code, stored lower-case: a-z, 0-9, _ and -, 2 to 61 characters' })
  @Transform(trimLower)
  @IsString()
  @Matches(UTM_CAMPAIGN_PATTERN, {
    message: 'utmCampaign must be 2 to 61 characters of a-z, 0-9, _ and -, starting with a letter or digit',
  })
  utmCampaign: string;
  @Field({ description: 'YYYY-MM-DD, hotel-local' }) @IsLocalDate() startsOn: string;
  @Field({ description: 'YYYY-MM-DD, hotel-local, inclusive; not before startsOn' })
  @IsLocalDate()
  @IsOnOrAfter('startsOn')
  endsOn: string;
  @Field(() => String, { nullable: true, description: 'Omitted: empty on create, unchanged on update' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'offerText must be at most 2000 characters' })
  offerText?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Channel values; omitted: none on create, unchanged on update',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique({ message: 'channels must not repeat a channel' })
  @IsIn(CHANNELS, { each: true, message: `channels must contain only: ${CHANNELS.join(', ')}` })
  channels?: string[] | null;
}
