import { Injectable } from '@nestjs/common';
import { RaciRole } from '@baton/shared/contracts';
import { isUuid, RequestContext } from '@baton/api/core';
import { RaciService } from '@baton/api/domain/raci';
import { Party, PartyKind } from '../model/rule-definition';
import type { RunSubject } from '../engine/run-subject';

/** Who a party is for one run: users to notify, and an owner/team to assign. */
export interface ResolvedParty {
  userIds: string[];
  ownerId: string | null;
  team: string | null;
  /** For the run log, e.g. "supervisor (2)". */
  label: string;
}

/** How far back a team's active members are read from the cases they own (there is no team roster). */
const TEAM_ACTIVITY_DAYS = 30;

@Injectable()
export class PartyResolver {
  constructor(private readonly raci: RaciService) {}

  async resolve(ctx: RequestContext, party: Party, subject: RunSubject): Promise<ResolvedParty> {
    const hotelId = subject.hotelId;
    switch (party.kind) {
      case PartyKind.Owner: {
        const ownerId = subject.actsOn === 'ticket' ? subject.ticket?.ownerId : subject.caseRecord?.ownerId;
        return { userIds: ownerId ? [ownerId] : [], ownerId: ownerId ?? null, team: null, label: 'owner' };
      }
      case PartyKind.User: {
        const userId = party.userId && isUuid(party.userId) ? party.userId : null;
        return { userIds: userId ? [userId] : [], ownerId: userId, team: null, label: 'user' };
      }
      case PartyKind.Team: {
        const team = party.team ?? null;
        // The people working the team's cases lately: teams are case routing codes, not rosters.
        const rows: Array<{ id: string }> = team
          ? await ctx.tx.query(
              `SELECT DISTINCT owner_id AS id FROM guest_case
                WHERE tenant_id = $1 AND team = $2 AND owner_id IS NOT NULL
                  AND updated_at > now() - make_interval(days => $3)`,
              [hotelId, team, TEAM_ACTIVITY_DAYS],
            )
          : [];
        return { userIds: rows.map((r) => r.id), ownerId: null, team, label: `team ${team}` };
      }
      case PartyKind.HotelRole: {
        const rows: Array<{ id: string }> = await ctx.tx.query(
          `SELECT user_id AS id FROM hotel_membership WHERE hotel_id = $1 AND role = $2 ORDER BY user_id`,
          [hotelId, party.hotelRole],
        );
        return { userIds: rows.map((r) => r.id), ownerId: null, team: null, label: `${party.hotelRole}` };
      }
      case PartyKind.Raci: {
        const role = (party.raciRole ?? RaciRole.Responsible) as RaciRole;
        const resolved = await this.raci.resolve(ctx, hotelId, party.raciStep ?? '', role);
        return {
          userIds: resolved.userIds,
          ownerId: resolved.userIds.length === 1 ? resolved.userIds[0] : null,
          team: resolved.team,
          label: `RACI ${party.raciStep}/${role}`,
        };
      }
    }
  }
}
