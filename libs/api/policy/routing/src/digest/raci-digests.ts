import { Injectable, Logger } from '@nestjs/common';
import { NotificationChannel, RaciRole, TimerKind } from '@baton/shared/contracts';
import { DurableTimers, FiredTimer, RequestContext, TenantTransactions } from '@baton/api/core';
import { Notifications } from '@baton/api/domain/notifications';
import { RaciRoutingSettings, RaciService } from '@baton/api/domain/raci';
import { hotelFacts } from '../steps/routing-texts';
import { DigestFactsReader } from './digest-facts';
import { digestBody, DigestSection, digestTitle, overviewLines, stepLines } from './digest-text';
import { nextDigestAt, previousDay } from './digest-window';

/** A digest as composed for one day: the shared overview, and each step's section with who is Informed on it. */
export interface ComposedDigest {
  date: string;
  title: string;
  overview: string[];
  sections: Array<DigestSection & { userIds: string[] }>;
}

/**
 * "I gets digests": every day at the hotel's digest time (its wall clock) the people Informed on any step get one
 * digest of the day before: the overview, plus a section for each step they are Informed on. One durable timer per
 * hotel (target = hotel, one key per occurrence, so re-arming inside a firing never touches the timer being fired);
 * saving the matrix re-syncs it, and the worker re-arms hotels that lost theirs when it starts. The notice is
 * idempotent per hotel, date and person, so a retried firing sends nothing twice.
 */
@Injectable()
export class RaciDigests {
  private readonly logger = new Logger(RaciDigests.name);

  constructor(
    private readonly timers: DurableTimers,
    private readonly raci: RaciService,
    private readonly facts: DigestFactsReader,
    private readonly notifications: Notifications,
    private readonly transactions: TenantTransactions,
  ) {}

  /** After the matrix or its settings changed: drop the pending digest and arm the next one when digests are on. */
  async sync(ctx: RequestContext, hotelId: string, routing: RaciRoutingSettings | null): Promise<void> {
    await this.timers.cancel(ctx, hotelId, TimerKind.RaciDigest, hotelId);
    if (routing?.digestTime) {
      await this.arm(ctx, hotelId, routing.digestTime, new Date());
    }
  }

  async fire(ctx: RequestContext, timer: FiredTimer): Promise<void> {
    const routing = await this.raci.routing(ctx, timer.hotelId);
    if (!routing?.digestTime) {
      return;
    }
    const digest = await this.compose(ctx, timer.hotelId, timer.dueAt);
    for (const [userId, sections] of recipientsOf(digest)) {
      await this.notifications.notify(ctx, {
        hotelId: timer.hotelId,
        userIds: [userId],
        kind: 'raci.digest',
        title: digest.title,
        body: digestBody(digest.overview, sections),
        channels: [NotificationChannel.InApp, NotificationChannel.Email],
        idempotencyKey: `raci.digest:${digest.date}`,
      });
    }
    // A worker that was down past several digest times sends the latest one only, then goes on from now.
    await this.arm(ctx, timer.hotelId, routing.digestTime, new Date(Math.max(Date.now(), timer.dueAt.getTime())));
  }

  /** The digest a firing at `at` would send: the hotel-local day before `at`. */
  async compose(ctx: RequestContext, hotelId: string, at: Date): Promise<ComposedDigest> {
    const hotel = await hotelFacts(ctx, hotelId);
    const day = previousDay(hotel.timeZone, at);
    const facts = await this.facts.read(ctx, hotelId, day);
    const matrix = await this.raci.matrix(ctx, hotelId);
    const sections: ComposedDigest['sections'] = [];
    for (const step of matrix.steps) {
      const informed = await this.raci.resolve(ctx, hotelId, step.key, RaciRole.Informed);
      if (informed.parties.length > 0) {
        const lines = stepLines(hotel.locale, step.key, facts);
        sections.push({ step: step.key, stepName: step.name, lines, userIds: informed.userIds });
      }
    }
    return {
      date: day.date,
      title: digestTitle(hotel.locale, hotel.name, day.date),
      overview: overviewLines(hotel.locale, facts),
      sections,
    };
  }

  /** The digest a firing now would send, with the recipients' names, and when the next one goes out. */
  async preview(ctx: RequestContext, hotelId: string) {
    ctx.assertInScope(hotelId);
    const digest = await this.compose(ctx, hotelId, new Date());
    const names = await this.raci.memberNames(
      ctx,
      digest.sections.flatMap((s) => s.userIds),
    );
    return {
      date: digest.date,
      title: digest.title,
      overview: digest.overview,
      sections: digest.sections.map(({ userIds, ...section }) => ({
        ...section,
        recipients: userIds.map((id) => names.get(id) ?? id),
      })),
      nextAt: await this.nextAt(ctx, hotelId),
    };
  }

  /** When the next digest goes out, or null when the hotel has none armed. */
  async nextAt(ctx: RequestContext, hotelId: string): Promise<Date | null> {
    const pending = (await this.timers.list(ctx, hotelId, hotelId)).filter(
      (t) => t.kind === TimerKind.RaciDigest && t.firedAt === null,
    );
    return pending[0]?.dueAt ?? null;
  }

  /**
   * Worker start: every hotel whose digests are on but which has no pending digest timer (a restored database, a
   * matrix saved before digests existed) gets one. One short transaction per hotel.
   */
  async rearmAll(): Promise<number> {
    let armed = 0;
    for (const hotelId of await this.transactions.listTenantIds()) {
      armed += await this.transactions.runAsSystem('raci-digests', hotelId, async (ctx) => {
        const routing = await this.raci.routing(ctx, hotelId);
        if (!routing?.digestTime || (await this.nextAt(ctx, hotelId))) {
          return 0;
        }
        await this.arm(ctx, hotelId, routing.digestTime, new Date());
        return 1;
      });
    }
    if (armed > 0) {
      this.logger.log({ armed }, 'RACI digest timers re-armed');
    }
    return armed;
  }

  private async arm(ctx: RequestContext, hotelId: string, digestTime: string, after: Date): Promise<void> {
    const { timeZone } = await hotelFacts(ctx, hotelId);
    const dueAt = nextDigestAt(timeZone, digestTime, after);
    await this.timers.schedule(ctx, {
      hotelId,
      kind: TimerKind.RaciDigest,
      targetId: hotelId,
      key: `at:${dueAt.toISOString()}`,
      dueAt,
      payload: { digestTime, timeZone },
    });
  }
}

/** Each Informed person with the sections of the steps they are Informed on, in matrix order. */
export function recipientsOf(digest: ComposedDigest): Map<string, DigestSection[]> {
  const byUser = new Map<string, DigestSection[]>();
  for (const { userIds, ...section } of digest.sections) {
    for (const userId of userIds) {
      byUser.set(userId, [...(byUser.get(userId) ?? []), section]);
    }
  }
  return byUser;
}
