import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { HotelRole } from '@baton/shared/contracts';

@ArgsType()
export class ChangeMembershipRoleArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) userId: string;
  @Field({ description: 'A hotel role: viewer, agent, supervisor, gm or admin' })
  @IsIn(Object.values(HotelRole), { message: `role must be one of: ${Object.values(HotelRole).join(', ')}` })
  role: string;
}
