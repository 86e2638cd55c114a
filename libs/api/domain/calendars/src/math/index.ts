// Pure business-hours math: no Nest, no database. The SLA engine, automations and the calendar preview share it.
export * from './calendar-def';
export * from './business-calendar';
export { ZoneOffsets, DAY_MS, MINUTE_MS } from './zone-offsets';
