import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { DeliveriesArgs } from '../dto/deliveries.args';
import { DeliveryIdArgs } from '../dto/delivery-id.args';
import { DeliveryConnectionObject, DeliveryObject } from '../objects/delivery.object';
import { Deliveries } from '../services/deliveries.service';

/**
 * The outbox for managers. WorkflowsManage (GM, admin, agency roles): the people who write the automation rules that
 * queue these sends see their failures and retry them; agents and supervisors do not see targets at all.
 */
@Resolver()
export class DeliveriesResolver {
  constructor(private readonly outbox: Deliveries) {}

  @Query(() => DeliveryConnectionObject, { description: "A hotel's outbound e-mails and webhooks, newest first" })
  @Allow(Permission.WorkflowsManage)
  deliveries(@Ctx() ctx: RequestContext, @Args() args: DeliveriesArgs): Promise<DeliveryConnectionObject> {
    return this.outbox.list(ctx, args);
  }

  @Mutation(() => DeliveryObject, { description: 'Re-queues a dead delivery (fresh attempts, due now); audited' })
  @Allow(Permission.WorkflowsManage)
  retryDelivery(@Ctx() ctx: RequestContext, @Args() args: DeliveryIdArgs): Promise<DeliveryObject> {
    return this.outbox.retry(ctx, args.hotelId, args.id);
  }
}
