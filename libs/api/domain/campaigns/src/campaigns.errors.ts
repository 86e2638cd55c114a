import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why a campaign or daily-summary operation was refused; each maps to one client-visible code and message. */
export enum CampaignsError {
  DuplicateUtmCampaign = 'duplicate_utm_campaign',
  SummaryDateInFuture = 'summary_date_in_future',
}

const MESSAGES: Record<CampaignsError, [ErrorCode, string]> = {
  [CampaignsError.DuplicateUtmCampaign]: [
    ErrorCode.Conflict,
    'utmCampaign is already used by another campaign of this hotel',
  ],
  [CampaignsError.SummaryDateInFuture]: [
    ErrorCode.BadUserInput,
    "date must not be after today's date in the hotel's time zone",
  ],
};

export function campaignsError(reason: CampaignsError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}
