import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { DIGEST_TIME_PATTERN } from '../rules/raci-document';
import { RaciMatrixParts } from './raci-matrix-parts';

@InputType({ description: "Replaces a hotel's whole matrix (also what validateRaciMatrix checks)" })
export class SaveRaciMatrixInput extends RaciMatrixParts {
  @Field(() => ID) @IsString() hotelId: string;

  @Field(() => Int, { description: 'The version read (0 for a hotel without a matrix); STALE_VERSION otherwise' })
  @IsInt()
  @Min(0)
  version: number;

  @Field({ nullable: true, description: 'Assign new cases/tickets without an owner to R (left out: unchanged)' })
  @IsOptional()
  @IsBoolean()
  autoAssign?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'HH:mm of the daily digest to I; null turns it off; left out: unchanged',
  })
  @IsOptional()
  @Matches(DIGEST_TIME_PATTERN, { message: 'digestTime must be HH:mm (00:00-23:59)' })
  digestTime?: string | null;
}
