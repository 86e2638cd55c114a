import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, Min } from 'class-validator';
import { RaciMatrixParts } from './raci-matrix-parts';

@InputType({ description: "Replaces a hotel's whole matrix (also what validateRaciMatrix checks)" })
export class SaveRaciMatrixInput extends RaciMatrixParts {
  @Field(() => ID) @IsString() hotelId: string;

  @Field(() => Int, { description: 'The version read (0 for a hotel without a matrix); STALE_VERSION otherwise' })
  @IsInt()
  @Min(0)
  version: number;
}
