import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AssignTicketInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
  @Field(() => ID, {
    nullable: true,
    description: 'A member of the hotel or of its agency; null unassigns; omitted keeps the owner',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'A team code; null clears; omitted keeps the team' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  team?: string | null;
}
