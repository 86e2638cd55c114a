import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DictionaryKind } from '@baton/shared/contracts';

@InputType()
export class SaveDictionaryEntryInput {
  @Field(() => ID) hotelId: string;
  @Field({ description: 'request_type, label, lost_reason or team' })
  @IsIn(Object.values(DictionaryKind), { message: `kind must be one of: ${Object.values(DictionaryKind).join(', ')}` })
  kind: string;
  @Field({ description: 'Lower-case letters, digits and _ (1-40); the key stored on cases' })
  @Matches(/^[a-z0-9_]{1,40}$/, { message: 'code must be 1-40 lower-case letters, digits or _' })
  code: string;
  @Field() @IsString() @MinLength(1) @MaxLength(80) labelTr: string;
  @Field() @IsString() @MinLength(1) @MaxLength(80) labelEn: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100000) sort?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Inactive codes stay on old cases but cannot be chosen' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
