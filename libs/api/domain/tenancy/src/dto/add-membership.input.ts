import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { HotelRole } from '@baton/shared/contracts';

@ArgsType()
export class AddMembershipArgs {
  @Field(() => ID) hotelId: string;
  @Field({ description: 'E-mail of an existing user (case-insensitive)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
  @Field({ description: 'A hotel role: viewer, agent, supervisor, gm or admin' })
  @IsIn(Object.values(HotelRole), { message: `role must be one of: ${Object.values(HotelRole).join(', ')}` })
  role: string;
}
