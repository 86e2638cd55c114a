import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class CalendarPreviewArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true, description: "Omit for the hotel's effective calendar (default, else 24/7)" })
  @IsOptional()
  @IsString()
  calendarId?: string | null;
  @Field() @IsDate() start: Date;
  @Field(() => Int, { description: 'Working minutes to add, 0 to 100000' })
  @IsInt()
  @Min(0, { message: 'minutes must be 0 or more' })
  @Max(100_000, { message: 'minutes must be at most 100000' })
  minutes: number;
}
