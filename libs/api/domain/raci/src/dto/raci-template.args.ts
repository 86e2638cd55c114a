import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class RaciTemplateArgs {
  @Field(() => ID) @IsString() agencyId: string;
}
