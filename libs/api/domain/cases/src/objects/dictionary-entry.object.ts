import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DictionaryEntry')
export class DictionaryEntryObject {
  @Field({ description: 'request_type, label, lost_reason or team' }) kind: string;
  @Field() code: string;
  @Field() labelTr: string;
  @Field() labelEn: string;
  @Field(() => Int) sort: number;
  @Field() active: boolean;
}
