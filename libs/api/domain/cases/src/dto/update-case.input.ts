import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CasePriority } from '@baton/shared/contracts';

/** Omitted fields stay as they are; null clears a nullable field. */
@InputType()
export class UpdateCaseInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'A request_type code of the hotel dictionary' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  requestType?: string | null;
  @Field(() => String, { nullable: true, description: 'P1 … P4' })
  @IsOptional()
  @IsIn(Object.values(CasePriority), { message: 'priority must be one of: P1, P2, P3, P4' })
  priority?: string | null;
  @Field(() => [String], { nullable: true, description: 'Label codes of the hotel dictionary (replaces the list)' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  labels?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A team code of the hotel dictionary' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  team?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) guestName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(320) contact?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) requestText?: string | null;
}
