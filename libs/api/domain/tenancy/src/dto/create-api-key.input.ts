import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ApiKeyScope } from '@baton/shared/contracts';

@InputType()
export class CreateApiKeyInput {
  @Field() @IsString() @MinLength(2) @MaxLength(80) name: string;
  @Field(() => [ID], { description: 'One hotel, or a subset of one agency\u2019s hotels' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'hotelIds must be hotel ids' })
  hotelIds: string[];
  @Field(() => [String], { nullable: true, description: 'Defaults to ["read"]' })
  @IsOptional()
  @ArrayUnique()
  @IsIn(Object.values(ApiKeyScope), { each: true, message: 'scopes must be read and/or write' })
  scopes?: string[];
}
