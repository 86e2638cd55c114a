import type { EntityManager } from 'typeorm';
import { MergeSuggestionStatus } from '@baton/shared/contracts';
import type { MatchResult } from '../matcher';

/**
 * Makes sure an agent is asked whether `guestId` and `candidateId` are the same person. One suggestion per pair,
 * whichever way round: an open one is refreshed with the new score and returned; a dismissed or merged one is left
 * alone (an agent already decided) and null is returned.
 */
export async function openSuggestion(
  em: EntityManager,
  hotelId: string,
  guestId: string,
  candidateId: string,
  match: MatchResult,
): Promise<string | null> {
  const existing = await em.query<{ id: string; status: string }[]>(
    `SELECT id, status FROM guest_match_suggestion
      WHERE tenant_id = $1 AND ((guest_id = $2 AND candidate_id = $3) OR (guest_id = $3 AND candidate_id = $2))
      ORDER BY created_at LIMIT 1`,
    [hotelId, guestId, candidateId],
  );
  if (existing.length > 0) {
    const [row] = existing;
    if (row.status !== MergeSuggestionStatus.Open) {
      return null;
    }
    await em.query(
      `UPDATE guest_match_suggestion SET score = $3, reasons = $4::jsonb WHERE tenant_id = $1 AND id = $2`,
      [hotelId, row.id, match.score, JSON.stringify(match.reasons)],
    );
    return row.id;
  }
  const inserted = await em.query<{ id: string }[]>(
    `INSERT INTO guest_match_suggestion (tenant_id, guest_id, candidate_id, score, reasons)
     VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (tenant_id, guest_id, candidate_id) DO NOTHING
     RETURNING id`,
    [hotelId, guestId, candidateId, match.score, JSON.stringify(match.reasons)],
  );
  return inserted[0]?.id ?? null;
}
