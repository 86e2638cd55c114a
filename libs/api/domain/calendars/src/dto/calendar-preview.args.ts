import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { CalendarDefinitionInput } from './calendar-definition.input';

@ArgsType()
export class CalendarPreviewArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, {
    nullable: true,
    description:
      "Omit for the hotel's effective calendar (default, else 24/7). With `definition`: the stored calendar being edited (must be this hotel's), only echoed back",
  })
  @IsOptional()
  @IsString()
  calendarId?: string | null;
  @Field(() => CalendarDefinitionInput, {
    nullable: true,
    description: 'Compute in this unsaved definition (validated like a save, not stored) instead of a stored calendar',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CalendarDefinitionInput)
  definition?: CalendarDefinitionInput | null;
  @Field() @IsDate() start: Date;
  @Field(() => Int, { description: 'Working minutes to add, 0 to 100000' })
  @IsInt()
  @Min(0, { message: 'minutes must be 0 or more' })
  @Max(100_000, { message: 'minutes must be at most 100000' })
  minutes: number;
}
