import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { ReplyToCaseInput } from '../dto/reply-to-case.input';
import { RetryMessageArgs } from '../dto/retry-message.args';
import { CaseMessageObject } from '../objects/case-parts.objects';
import { CaseOutbox } from '../services/case-outbox.service';

@Resolver(() => CaseMessageObject)
export class CaseMessagesResolver {
  constructor(private readonly outbox: CaseOutbox) {}

  @Mutation(() => CaseMessageObject, { description: 'Queued for delivery (deliveryStatus queued)' })
  @Allow(Permission.CasesWrite)
  replyToCase(@Ctx() ctx: RequestContext, @Args('input') input: ReplyToCaseInput): Promise<CaseMessageObject> {
    return this.outbox.reply(ctx, input);
  }

  @Mutation(() => CaseMessageObject, { description: 'Failed outbound messages only (CONFLICT otherwise)' })
  @Allow(Permission.CasesWrite)
  retryMessage(@Ctx() ctx: RequestContext, @Args() args: RetryMessageArgs): Promise<CaseMessageObject> {
    return this.outbox.retry(ctx, args.hotelId, args.messageId);
  }
}
