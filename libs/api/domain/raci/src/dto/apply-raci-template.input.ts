import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString } from 'class-validator';

@InputType({ description: "Copies an agency template or another hotel's matrix onto hotels (replacing theirs)" })
export class ApplyRaciTemplateInput {
  @Field(() => ID, { nullable: true, description: 'The agency whose template to copy (or sourceHotelId)' })
  @IsOptional()
  @IsString()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The hotel whose matrix to copy (or agencyId)' })
  @IsOptional()
  @IsString()
  sourceHotelId?: string | null;

  @Field(() => [ID], { description: 'Hotels to write; the caller needs workflows.manage on each' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'hotelIds must not repeat a hotel' })
  @IsString({ each: true })
  hotelIds: string[];
}
