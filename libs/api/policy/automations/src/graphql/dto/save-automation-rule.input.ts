import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { AutomationRuleDefinitionInput } from './automation-rule-definition.input';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'Creates a rule (no id) or saves a new version of one (id + expectedVersion)' })
export class SaveAutomationRuleInput {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true, description: 'Omit to create' }) @IsOptional() @IsString() id?: string | null;
  @Field(() => Int, { nullable: true, description: 'Required with id: the version the edit is based on' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
  @Field() @Transform(trim) @IsString() @Length(1, 120, { message: 'name must be 1 to 120 characters' }) name: string;
  @Field(() => Boolean, { nullable: true, description: 'Default true on create; omitted keeps it on update' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
  @Field(() => AutomationRuleDefinitionInput)
  @ValidateNested()
  @Type(() => AutomationRuleDefinitionInput)
  definition: AutomationRuleDefinitionInput;
}
