import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Locale } from '@baton/shared/contracts';

@InputType()
export class UpdateHotelSettingsInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(2) @MaxLength(120) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsIn(Object.values(Locale), { message: 'locale must be one of: tr, en' })
  locale?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as TRY or EUR' })
  currency?: string;
}
