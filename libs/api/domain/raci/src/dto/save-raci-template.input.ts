import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';
import { RaciMatrixParts } from './raci-matrix-parts';

@InputType({ description: "Replaces an agency's template matrix (agency staff only)" })
export class SaveRaciTemplateInput extends RaciMatrixParts {
  @Field(() => ID) @IsUUID('all', { message: 'agencyId must be an agency id' }) agencyId: string;

  @Field(() => Int, { description: 'The version read (0 when the agency has none yet)' })
  @IsInt()
  @Min(0)
  version: number;
}
