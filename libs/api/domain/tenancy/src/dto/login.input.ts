import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254) email: string;
  @Field() @IsString() @MinLength(1, { message: 'password is required' }) @MaxLength(256) password: string;
}
