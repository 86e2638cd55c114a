import { CaseStatus, Channel, RaciProcessStep, TicketKind } from '@baton/shared/contracts';

/** The request type and label that make a case (or a ticket category) a complaint. */
export const COMPLAINT_CODE = 'complaint';

/**
 * The process step a new case belongs to, i.e. whose Responsible party gets it: a complaint goes to complaint
 * resolution whatever its channel, a phone lead to the call center's follow-up, everything else (DMs, forms, e-mail,
 * OTA messages) to DM intake.
 */
export function caseRoutingStep(record: { channel: string; requestType: string | null; labels: string[] }) {
  if (record.requestType === COMPLAINT_CODE || record.labels.includes(COMPLAINT_CODE)) {
    return RaciProcessStep.ComplaintResolution;
  }
  return record.channel === Channel.Phone ? RaciProcessStep.CallCenterFollowUp : RaciProcessStep.DmIntake;
}

/**
 * The step a ticket belongs to: approvals to content approval, callbacks (handoffs to phone) to the call center, a
 * complaint ticket to complaint resolution. Other tickets and tasks have no step: they go to whoever created them
 * or a rule named, not to a RACI party.
 */
export function ticketRoutingStep(ticket: { kind: TicketKind; category: string }): RaciProcessStep | null {
  switch (ticket.kind) {
    case TicketKind.Approval:
      return RaciProcessStep.ContentApproval;
    case TicketKind.Callback:
      return RaciProcessStep.CallCenterFollowUp;
    default:
      return ticket.category === COMPLAINT_CODE ? RaciProcessStep.ComplaintResolution : null;
  }
}

/** A case handed off goes to the call center's follow-up (phone, sales): that step's R and C hear of it. */
export const HANDOFF_STEP = RaciProcessStep.CallCenterFollowUp;

/** A won case is a booking to enter into the PMS: that step's R gets the task. */
export function isBookingWon(detail: Record<string, unknown>): boolean {
  return detail['to'] === CaseStatus.Won && detail['from'] !== CaseStatus.Won;
}
