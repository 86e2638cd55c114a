import { Module } from '@nestjs/common';
import { CalendarsModule } from '@baton/api/domain/calendars';
import { CasesModule } from '@baton/api/domain/cases';
import { NotificationsModule } from '@baton/api/domain/notifications';
import { RaciModule } from '@baton/api/domain/raci';
import { TicketsModule } from '@baton/api/domain/tickets';
import { ActionExecutor } from './actions/action-executor';
import { CaseActions } from './actions/case-actions';
import { GuestMessageAction } from './actions/guest-message.action';
import { NotifyActions } from './actions/notify-actions';
import { PartyResolver } from './actions/parties';
import { TicketActions } from './actions/ticket-actions';
import { AutomationDefaults } from './defaults/automation-defaults';
import { DryRunService } from './dry-run/dry-run.service';
import { AutomationEngine } from './engine/automation-engine';
import { BusinessHours } from './engine/business-hours';
import { RuleEvaluator } from './engine/rule-evaluator';
import { RuleRunner } from './engine/rule-runner';
import { Subjects } from './engine/subjects';
import { AutomationRulesResolver } from './graphql/resolvers/automation-rules.resolver';
import { AutomationRunsResolver } from './graphql/resolvers/automation-runs.resolver';
import { AutomationRulesService } from './services/automation-rules.service';
import { AutomationRunsService } from './services/automation-runs.service';
import { KeywordSetsService } from './services/keyword-sets.service';
import { LiveRulesCache } from './store/live-rules.cache';
import { InactivityTimers } from './triggers/inactivity.timers';
import { ScheduleTimers } from './triggers/schedule.timers';
import { RuleVersions } from './versions/rule-versions';

/**
 * Automation rules: the listener on case/ticket/SLA domain events and on its two timer kinds (every role registers
 * them; only the worker polls timers), the rule store with versions, the dry-run, and the GraphQL API.
 */
@Module({
  imports: [CasesModule, TicketsModule, NotificationsModule, RaciModule, CalendarsModule],
  providers: [
    AutomationEngine,
    LiveRulesCache,
    AutomationDefaults,
    Subjects,
    RuleEvaluator,
    RuleRunner,
    BusinessHours,
    ActionExecutor,
    PartyResolver,
    NotifyActions,
    CaseActions,
    TicketActions,
    GuestMessageAction,
    InactivityTimers,
    ScheduleTimers,
    RuleVersions,
    AutomationRulesService,
    KeywordSetsService,
    AutomationRunsService,
    DryRunService,
    AutomationRulesResolver,
    AutomationRunsResolver,
  ],
  exports: [AutomationRulesService, AutomationDefaults],
})
export class AutomationsModule {}
