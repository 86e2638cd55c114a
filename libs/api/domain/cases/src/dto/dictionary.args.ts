import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { DictionaryKind } from '@baton/shared/contracts';

@ArgsType()
export class DictionaryArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => String, {
    nullable: true,
    description: 'request_type, label, lost_reason or team; all kinds when omitted',
  })
  @IsOptional()
  @IsIn(Object.values(DictionaryKind), { message: `kind must be one of: ${Object.values(DictionaryKind).join(', ')}` })
  kind?: string | null;
}
