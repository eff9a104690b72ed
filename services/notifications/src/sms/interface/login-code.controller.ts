import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { sendLoginCode, type OperationResponse } from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import {
  SendLoginCodeUseCase,
  type SendLoginCodeCommand,
} from '../application/commands/send-login-code.usecase.js';
import { SmsErrorFilter } from './sms-error.mapping.js';

@Controller()
@UseFilters(new SmsErrorFilter())
export class LoginCodeController {
  constructor(private readonly sendLoginCodeUseCase: SendLoginCodeUseCase) {}

  /** Called by the gateway when someone asks for a login code; system actors only. */
  @MessagePattern(sendLoginCode.pattern)
  send(
    @Payload() payload: SendLoginCodeCommand,
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof sendLoginCode>> {
    return this.sendLoginCodeUseCase.execute(ctx.envelope.actor, payload);
  }
}
