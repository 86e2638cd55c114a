import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString } from 'class-validator';
import { RACI_ROLES } from '../rules/raci-document';

@InputType({ description: 'The letter of one party on one step (leave a cell out for none)' })
export class RaciCellInput {
  @Field() @IsString() step: string;
  @Field() @IsString() party: string;
  @Field({ description: 'R, A, C or I' })
  @IsIn(RACI_ROLES, { message: `role must be one of: ${RACI_ROLES.join(', ')}` })
  role: string;
}
