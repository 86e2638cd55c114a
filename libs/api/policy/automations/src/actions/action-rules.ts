import { canTransition, CaseStatus, Channel, REPLYABLE_CHANNELS } from '@baton/shared/contracts';
import { missingMandatoryFields } from '@baton/api/domain/cases';

/** Pure decisions of the actions, shared with the dry-run (which must say what the live action would do). */

export const CALL_CENTER_TEAM = 'call_center';

/** Identity kinds that reach a guest on a channel (a phone number is not a WhatsApp account). */
const IDENTITY_FOR: Partial<Record<Channel, string>> = {
  [Channel.WhatsApp]: 'whatsapp',
  [Channel.Email]: 'email',
  [Channel.Instagram]: 'instagram',
  [Channel.Messenger]: 'messenger',
};

/**
 * Picks the first channel of the rule's list that reaches the guest: `case` = the case's own channel when one can
 * reply on it, `whatsapp` / `email` = the case is on it or the guest has such an identity. Null when none does.
 */
export function pickGuestChannel(
  preferences: readonly string[],
  caseChannel: string,
  identityKinds: ReadonlySet<string>,
): Channel | null {
  for (const preference of preferences) {
    const channel = (preference === 'case' ? caseChannel : preference) as Channel;
    if (!REPLYABLE_CHANNELS.includes(channel)) {
      continue;
    }
    const kind = IDENTITY_FOR[channel];
    if (channel === caseChannel || (kind && identityKinds.has(kind))) {
      return channel;
    }
  }
  return null;
}

/** Why the case should not be handed off now (null = go ahead). */
export function handoffBlocker(
  record: {
    status: string;
    mergedIntoId: string | null;
    team: string | null;
    guestName: string | null;
    contact: string | null;
    requestText: string | null;
  },
  team: string,
): string | null {
  if (record.mergedIntoId) {
    return 'case merged';
  }
  if (record.team === team && record.status === CaseStatus.HandedOff) {
    return `already with ${team}`;
  }
  if (!canTransition(record.status as CaseStatus, CaseStatus.HandedOff)) {
    return `status ${record.status}`;
  }
  const missing = missingMandatoryFields(record);
  return missing.length > 0 ? `missing ${missing.join(', ')}` : null;
}
