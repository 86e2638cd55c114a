import type { Client } from 'pg';
import { seedAutomations } from './workflow-automations';
import { seedCalendars } from './workflow-calendars';
import { seedRaci } from './workflow-raci';
import { seedSla } from './workflow-sla';
import { seedTickets } from './workflow-tickets';

export interface WorkflowHotel {
  id: string;
  code: string;
  timeZone: string;
}

/**
 * The SLA engine's demo data for each hotel, after the guest traffic exists: business hours, the RACI matrix,
 * tickets, SLA policies with the clocks the 30 days of cases and tickets really had (met, reminded, breached,
 * escalated), then automation rules whose run history is replayed over all of that. Order matters: each step reads
 * what the previous ones wrote. Every step keeps the caller's tenant scope and is idempotent.
 */
export async function seedWorkflows(client: Client, hotels: readonly WorkflowHotel[], now: number): Promise<void> {
  for (const hotel of hotels) {
    await seedCalendars(client, hotel, now);
    await seedRaci(client, hotel, now);
    await seedTickets(client, hotel, now);
    await seedSla(client, hotel, now);
    await seedAutomations(client, hotel, now);
  }
}
