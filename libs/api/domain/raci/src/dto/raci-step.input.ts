import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { RACI_KEY_PATTERN } from '../rules/raci-document';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A row of the matrix' })
export class RaciStepInput {
  @Field({ description: 'Lower-case letters, digits and _ (1-40), unique in the matrix (e.g. dm_intake)' })
  @Matches(RACI_KEY_PATTERN, { message: 'step key must be 1-40 lower-case letters, digits or _' })
  key: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'step name must be 1 to 80 characters' })
  name: string;
}
