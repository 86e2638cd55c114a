/**
 * Enums of the SLA engine, RACI, tickets, notifications and automations, shared by the API and the dashboard.
 * Each owning library may add members; never rename a value (it is stored).
 */

/** What an SLA clock measures. */
export enum SlaMetric {
  /** From the first guest message to the hotel's first answer. */
  FirstResponse = 'first_response',
  /** From the oldest unanswered guest message to the next answer. */
  NextResponse = 'next_response',
  /** From a handoff to its acceptance by the receiving team. */
  HandoffToSales = 'handoff_to_sales',
  /** From opening to resolution (won/lost/resolved/closed). */
  Resolution = 'resolution',
  /** A content approval between agency and hotel (approval tickets), typically 24–48 h. */
  Approval = 'approval',
}

/** The ladder: each step fires at most once per clock. */
export enum SlaStep {
  /** T0: the clock started; notify the owner / RACI Responsible. */
  Started = 'started',
  /** A set time before due (default 30 min). */
  Reminder = 'reminder',
  /** The final warning (e.g. 10 min before due). */
  Warning = 'warning',
  /** Due passed without the stop condition: escalate to the RACI Accountable and mark the case. */
  Breach = 'breach',
}

export enum SlaClockState {
  Running = 'running',
  Paused = 'paused',
  /** Stopped before due. */
  Met = 'met',
  /** Due passed while running; the clock keeps measuring until it stops. */
  Breached = 'breached',
  /** Stopped after due. */
  MetLate = 'met_late',
  /** The policy no longer applies (re-evaluation) or the target went away. */
  Cancelled = 'cancelled',
}

/** Whether a target counts business hours of the hotel's calendar or plain calendar time. */
export enum SlaTimeBasis {
  Business = 'business',
  Calendar = 'calendar',
}

export enum RaciRole {
  Responsible = 'R',
  Accountable = 'A',
  Consulted = 'C',
  Informed = 'I',
}

/** Process steps of the playbook; hotels may add their own keys. */
export enum RaciProcessStep {
  DmIntake = 'dm_intake',
  CallCenterFollowUp = 'call_center_follow_up',
  PmsEntry = 'pms_entry',
  ContentApproval = 'content_approval',
  ComplaintResolution = 'complaint_resolution',
}

export enum TicketKind {
  Ticket = 'ticket',
  Task = 'task',
  /** Hand off to phone: a callback in the call-center queue. */
  Callback = 'callback',
  /** A content approval between agency and hotel. */
  Approval = 'approval',
}

export enum TicketStatus {
  Open = 'open',
  InProgress = 'in_progress',
  /** Resolved by the hotel; waits for the guest's confirmation (or N days without answer). */
  AwaitingConfirmation = 'awaiting_confirmation',
  Resolved = 'resolved',
  Closed = 'closed',
  Cancelled = 'cancelled',
}

export enum TicketClosure {
  GuestConfirmed = 'guest_confirmed',
  NoAnswer = 'no_answer',
  ClosedByStaff = 'closed_by_staff',
}

export enum NotificationChannel {
  InApp = 'in_app',
  Email = 'email',
  Webhook = 'webhook',
}

export enum DeliveryState {
  Pending = 'pending',
  Sent = 'sent',
  /** Failed permanently or out of attempts; can be retried by hand. */
  Dead = 'dead',
}

export enum AutomationTrigger {
  CaseCreated = 'case_created',
  CaseUpdated = 'case_updated',
  CaseStatusChanged = 'case_status_changed',
  MessageReceived = 'message_received',
  Inactivity = 'inactivity',
  Handoff = 'handoff',
  SlaStep = 'sla_step',
  TicketOpened = 'ticket_opened',
  TicketResolved = 'ticket_resolved',
  Schedule = 'schedule',
}

/** Durable timer kinds; each is handled by exactly one registered handler. */
export enum TimerKind {
  SlaStep = 'sla.step',
  TicketClosure = 'ticket.closure',
  AutomationInactivity = 'automation.inactivity',
  AutomationSchedule = 'automation.schedule',
  /** The daily digest of a hotel's RACI Informed parties (target = hotel, one key per occurrence). */
  RaciDigest = 'raci.digest',
  /** Used by the benchmark and tests only. */
  Probe = 'probe',
}
