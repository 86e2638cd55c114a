import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, BatonError, Ctx, RequestContext } from '@baton/api/core';
import { MarkNotificationsReadInput } from '../dto/mark-notifications-read.input';
import { NotificationEventsArgs } from '../dto/notification-events.args';
import { NotificationsArgs } from '../dto/notifications.args';
import { UnreadCountArgs } from '../dto/unread-count.args';
import { NotificationConnectionObject, NotificationEventObject } from '../objects/notification.object';
import { NotificationEventsHub } from '../services/notification-events.hub';
import { NotificationInbox } from '../services/notification-inbox.service';

/** The calling user's own notifications: any signed-in user, only their rows, only in hotels they belong to. */
@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationInbox,
    private readonly hub: NotificationEventsHub,
  ) {}

  @Query(() => NotificationConnectionObject, { description: "The caller's notifications, newest first" })
  @Allow(Permission.Authenticated)
  notifications(@Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<NotificationConnectionObject> {
    return this.inbox.list(ctx, args);
  }

  @Query(() => Int, { description: "The caller's unread notifications (one hotel, or all)" })
  @Allow(Permission.Authenticated)
  unreadNotificationCount(@Ctx() ctx: RequestContext, @Args() args: UnreadCountArgs): Promise<number> {
    return this.inbox.unreadCount(ctx, args.hotelId);
  }

  @Mutation(() => Int, { description: 'Marks the given (or all) own notifications read; returns how many changed' })
  @Allow(Permission.Authenticated)
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args('input') input: MarkNotificationsReadInput): Promise<number> {
    return this.inbox.markRead(ctx, input);
  }

  @Subscription(() => NotificationEventObject, {
    description: "The subscriber's own notifications in one hotel: new ones, and ones marked read",
    resolve: (event: NotificationEventObject) => event,
  })
  @Allow(Permission.Authenticated)
  notificationEvents(@Ctx() ctx: RequestContext, @Args() args: NotificationEventsArgs) {
    // Authorised once, here: a user without a role on the hotel is refused like a hotel that does not exist.
    const userId = ctx.userId;
    if (!userId || !ctx.grants.has(args.hotelId)) {
      throw BatonError.notFound('Hotel', args.hotelId);
    }
    return this.hub.subscribe(args.hotelId, userId);
  }
}
