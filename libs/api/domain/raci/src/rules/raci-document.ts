import { HotelRole, RaciProcessStep, RaciRole } from '@baton/shared/contracts';

/** A column of the matrix: a team or role of the hotel (SMM agency, call center, GM …) and who stands behind it. */
export interface RaciPartyDef {
  key: string;
  name: string;
  /** The case team key this party works as (hotel dictionary, kind team), or null. */
  team: string | null;
  /** Explicit members (hotel staff or staff of the hotel's agency). */
  userIds: string[];
  /** Everyone holding one of these roles on the hotel is a member too. */
  roles: HotelRole[];
}

/** A row of the matrix: a step of the guest-communication process. */
export interface RaciStepDef {
  key: string;
  name: string;
}

export interface RaciCellDef {
  step: string;
  party: string;
  role: RaciRole;
}

/** A whole matrix, as saved and as copied from a template; array order is display order. */
export interface RaciDocument {
  parties: RaciPartyDef[];
  steps: RaciStepDef[];
  cells: RaciCellDef[];
}

/** How the matrix drives routing on its hotel (not part of the document: a template never changes them). */
export interface RaciRoutingSettings {
  /** New cases and tickets without an owner go to the Responsible party of their step. */
  autoAssign: boolean;
  /** 'HH:mm' on the hotel's wall clock when the Informed parties get yesterday's digest; null = no digest. */
  digestTime: string | null;
}

export const DEFAULT_ROUTING: Readonly<RaciRoutingSettings> = { autoAssign: true, digestTime: '08:30' };

export const DIGEST_TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export const RACI_ROLES: readonly RaciRole[] = Object.values(RaciRole);
export const HOTEL_ROLES: readonly HotelRole[] = Object.values(HotelRole);
export const RACI_KEY_PATTERN = /^[a-z0-9_]{1,40}$/;

/** The playbook's steps, offered to a hotel that has no matrix yet (named in the hotel's language). */
export const DEFAULT_RACI_STEPS: ReadonlyArray<{ key: RaciProcessStep; nameTr: string; nameEn: string }> = [
  { key: RaciProcessStep.DmIntake, nameTr: 'DM karşılama', nameEn: 'DM intake' },
  { key: RaciProcessStep.CallCenterFollowUp, nameTr: 'Çağrı merkezi takibi', nameEn: 'Call-center follow-up' },
  { key: RaciProcessStep.PmsEntry, nameTr: "PMS'e giriş", nameEn: 'PMS entry' },
  { key: RaciProcessStep.ContentApproval, nameTr: 'İçerik onayı', nameEn: 'Content approval' },
  { key: RaciProcessStep.ComplaintResolution, nameTr: 'Şikayet çözümü', nameEn: 'Complaint resolution' },
];

export function defaultSteps(locale: string): RaciStepDef[] {
  return DEFAULT_RACI_STEPS.map((s) => ({ key: s.key, name: locale === 'en' ? s.nameEn : s.nameTr }));
}
