import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TicketKind, TicketStatus } from '@baton/shared/contracts';

const list = (values: object) => Object.values(values).join(', ');

@InputType()
export class TicketFilter {
  @Field(() => [String], { nullable: true, description: 'TicketStatus values' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsIn(Object.values(TicketStatus), { each: true, message: `status must be among: ${list(TicketStatus)}` })
  status?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'TicketKind values' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsIn(Object.values(TicketKind), { each: true, message: `kind must be among: ${list(TicketKind)}` })
  kind?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the tickets of this case' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the number, title or description (accent-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
