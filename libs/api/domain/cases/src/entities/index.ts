import { CaseCounterEntity } from './case-counter.entity';
import { CaseHandoffEntity, CaseNoteEntity, CaseTransitionEntity } from './case-history.entities';
import { CaseMessageEntity } from './case-message.entity';
import { DictionaryEntryEntity } from './dictionary-entry.entity';
import { GuestCaseEntity } from './guest-case.entity';

export * from './case-counter.entity';
export * from './case-history.entities';
export * from './case-message.entity';
export * from './dictionary-entry.entity';
export * from './guest-case.entity';

export const CASES_ENTITIES = [
  GuestCaseEntity,
  CaseMessageEntity,
  CaseTransitionEntity,
  CaseHandoffEntity,
  CaseNoteEntity,
  CaseCounterEntity,
  DictionaryEntryEntity,
];
