import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CasePriority } from '@baton/shared/contracts';

/** Omitted fields stay as they are; null clears a nullable field. */
@InputType()
export class UpdateTicketInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;

  @Field(() => Int, { nullable: true, description: 'The version the edit is based on; STALE_VERSION when outdated' })
  @IsOptional()
  @IsInt()
  version?: number | null;

  @Field(() => String, { nullable: true, description: 'A category code of the hotel' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'P1 … P4' })
  @IsOptional()
  @IsIn(Object.values(CasePriority), { message: 'priority must be one of: P1, P2, P3, P4' })
  priority?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A team code; null clears' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  team?: string | null;

  @Field(() => Date, { nullable: true, description: 'null clears the due hint' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  dueAt?: Date | null;

  @Field(() => Int, { nullable: true, description: '1 … 60; applies the next time the ticket awaits confirmation' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  confirmationDays?: number | null;
}
