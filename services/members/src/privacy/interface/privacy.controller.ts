import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ActiveMemberGuard } from '../../active-member.guard.js';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  deleteMemberAccount,
  exportMemberData,
  listConsents,
  listDataAccessLog,
  partnerLookupMember,
  updateConsents,
  type OperationResponse,
} from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { DeleteMemberAccountUseCase } from '../application/commands/delete-member-account.usecase.js';
import { ExportMemberDataUseCase } from '../application/commands/export-member-data.usecase.js';
import {
  UpdateConsentsUseCase,
  type UpdateConsentsCommand,
} from '../application/commands/update-consents.usecase.js';
import { ListConsentsQuery } from '../application/queries/list-consents.query.js';
import { ListDataAccessLogQuery } from '../application/queries/list-data-access-log.query.js';
import { PartnerLookupQuery, type PartnerLookup } from '../application/queries/partner-lookup.query.js';
import { PrivacyErrorFilter } from './privacy-error.mapping.js';

/** Request-reply handlers of the privacy context; payloads arrive validated against their contracts. */
@Controller()
@UseGuards(ActiveMemberGuard)
@UseFilters(new PrivacyErrorFilter())
export class PrivacyController {
  constructor(
    private readonly listConsentsQuery: ListConsentsQuery,
    private readonly updateConsentsUseCase: UpdateConsentsUseCase,
    private readonly partnerLookupQuery: PartnerLookupQuery,
    private readonly listDataAccessLogQuery: ListDataAccessLogQuery,
    private readonly exportMemberDataUseCase: ExportMemberDataUseCase,
    private readonly deleteMemberAccountUseCase: DeleteMemberAccountUseCase,
  ) {}

  @MessagePattern(listConsents.pattern)
  list(
    @Payload() payload: { memberId: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listConsents>> {
    return this.listConsentsQuery.execute(ctx.envelope.actor, payload.memberId);
  }

  @MessagePattern(updateConsents.pattern)
  update(
    @Payload() payload: UpdateConsentsCommand,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof updateConsents>> {
    return this.updateConsentsUseCase.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(partnerLookupMember.pattern)
  lookup(
    @Payload() payload: PartnerLookup,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof partnerLookupMember>> {
    return this.partnerLookupQuery.execute(ctx.envelope.actor, payload);
  }

  @MessagePattern(listDataAccessLog.pattern)
  async accessLog(
    @Payload() payload: { memberId: string; first: number },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listDataAccessLog>> {
    return {
      items: await this.listDataAccessLogQuery.execute(ctx.envelope.actor, payload.memberId, payload.first),
    };
  }

  @MessagePattern(exportMemberData.pattern)
  export(
    @Payload() payload: { memberId: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof exportMemberData>> {
    return this.exportMemberDataUseCase.execute(ctx.envelope.actor, payload.memberId);
  }

  @MessagePattern(deleteMemberAccount.pattern)
  delete(
    @Payload() payload: { memberId: string },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof deleteMemberAccount>> {
    return this.deleteMemberAccountUseCase.execute(ctx.envelope.actor, payload.memberId);
  }
}
