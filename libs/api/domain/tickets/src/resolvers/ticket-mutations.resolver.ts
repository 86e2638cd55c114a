import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { AddTicketNoteArgs } from '../dto/add-ticket-note.args';
import { ApproveTicketArgs } from '../dto/approve-ticket.args';
import { AssignTicketInput } from '../dto/assign-ticket.input';
import { ChangeTicketStatusInput } from '../dto/change-ticket-status.input';
import { ConfirmTicketClosureArgs } from '../dto/confirm-ticket-closure.args';
import { CreateTicketInput } from '../dto/create-ticket.input';
import { UpdateTicketInput } from '../dto/update-ticket.input';
import { TicketNoteObject, TicketObject } from '../objects/ticket.object';
import { toTicketObject } from '../services/ticket-record';
import { TicketWorkflowService } from '../services/ticket-workflow.service';
import { TicketsService } from '../services/tickets.service';

@Resolver(() => TicketObject)
export class TicketMutationsResolver {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workflow: TicketWorkflowService,
  ) {}

  @Mutation(() => TicketObject, { description: 'A ticket or task, created by the caller (source manual)' })
  @Allow(Permission.CasesWrite)
  async createTicket(@Ctx() ctx: RequestContext, @Args('input') input: CreateTicketInput): Promise<TicketObject> {
    return toTicketObject(await this.tickets.create(ctx, { ...input, source: 'manual' }));
  }

  @Mutation(() => TicketObject, { description: 'Omitted fields stay; STALE_VERSION when `version` is outdated' })
  @Allow(Permission.CasesWrite)
  async updateTicket(@Ctx() ctx: RequestContext, @Args('input') input: UpdateTicketInput): Promise<TicketObject> {
    return toTicketObject(await this.tickets.update(ctx, input));
  }

  @Mutation(() => TicketObject)
  @Allow(Permission.CasesWrite)
  async assignTicket(@Ctx() ctx: RequestContext, @Args('input') input: AssignTicketInput): Promise<TicketObject> {
    return toTicketObject(await this.tickets.assign(ctx, input));
  }

  @Mutation(() => TicketObject, { description: 'Follows the pipeline of the kind (allowedTransitions)' })
  @Allow(Permission.CasesWrite)
  async changeTicketStatus(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ChangeTicketStatusInput,
  ): Promise<TicketObject> {
    return toTicketObject(await this.tickets.changeStatus(ctx, input));
  }

  @Mutation(() => TicketNoteObject, { description: 'Internal; never sent to the guest' })
  @Allow(Permission.CasesWrite)
  addTicketNote(@Ctx() ctx: RequestContext, @Args() args: AddTicketNoteArgs): Promise<TicketNoteObject> {
    return this.tickets.addNote(ctx, args.hotelId, args.ticketId, args.body);
  }

  @Mutation(() => TicketObject, { description: 'Awaiting confirmation only: closes (confirmed) or reopens' })
  @Allow(Permission.CasesWrite)
  async confirmTicketClosure(
    @Ctx() ctx: RequestContext,
    @Args() args: ConfirmTicketClosureArgs,
  ): Promise<TicketObject> {
    return toTicketObject(
      await this.workflow.confirmClosure(ctx, args.hotelId, args.ticketId, args.confirmed, args.note),
    );
  }

  @Mutation(() => TicketObject, { description: 'Approval tickets: records the decision and resolves the ticket' })
  @Allow(Permission.CasesWrite)
  async approveTicket(@Ctx() ctx: RequestContext, @Args() args: ApproveTicketArgs): Promise<TicketObject> {
    return toTicketObject(await this.workflow.approve(ctx, args.hotelId, args.ticketId, args.approved, args.note));
  }
}
