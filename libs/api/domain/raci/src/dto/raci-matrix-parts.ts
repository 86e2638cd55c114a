import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { RaciCellInput } from './raci-cell.input';
import { RaciPartyInput } from './raci-party.input';
import { RaciStepInput } from './raci-step.input';

/** The parties, steps and cells shared by a hotel matrix and an agency template (array order is display order). */
@InputType({ isAbstract: true })
export abstract class RaciMatrixParts {
  @Field(() => [RaciPartyInput])
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RaciPartyInput)
  parties: RaciPartyInput[];

  @Field(() => [RaciStepInput])
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => RaciStepInput)
  steps: RaciStepInput[];

  @Field(() => [RaciCellInput])
  @IsArray()
  @ArrayMaxSize(1800)
  @ValidateNested({ each: true })
  @Type(() => RaciCellInput)
  cells: RaciCellInput[];
}
