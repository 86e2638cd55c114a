import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CasePriority, TicketKind } from '@baton/shared/contracts';

const list = (values: object) => Object.values(values).join(', ');

@InputType()
export class CreateTicketInput {
  @Field(() => ID) hotelId: string;

  @Field(() => String, { nullable: true, description: 'A TicketKind value (default ticket)' })
  @IsOptional()
  @IsIn(Object.values(TicketKind), { message: `kind must be one of: ${list(TicketKind)}` })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'A category code of the hotel (default by kind)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'P1 … P4 (default P3)' })
  @IsOptional()
  @IsIn(Object.values(CasePriority), { message: `priority must be one of: ${list(CasePriority)}` })
  priority?: string | null;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'A member of the hotel or of its agency' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'A team code of the hotel dictionary' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  team?: string | null;

  @Field(() => ID, { nullable: true, description: 'A case of the same hotel' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string | null;

  @Field(() => Date, { nullable: true, description: 'A due hint, e.g. when to call back' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  dueAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Days to wait for the guest after resolving (default 3, 1 … 60)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  confirmationDays?: number | null;
}
