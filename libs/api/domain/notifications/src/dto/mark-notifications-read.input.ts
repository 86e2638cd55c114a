import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString } from 'class-validator';

/** Marks the caller's own notifications read: the given ids, or all of them (of one hotel, or of every hotel). */
@InputType()
export class MarkNotificationsReadInput {
  @Field(() => ID, { nullable: true, description: 'Narrows to one hotel; required for nothing' })
  @IsOptional()
  @IsString()
  hotelId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'At most 500' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Every unread notification (ids are then ignored)' })
  @IsOptional()
  @IsBoolean()
  all?: boolean | null;
}
