import { Args, Context, Field, ID, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { mergeMembers, type Actor } from '@atrium/contracts';
import { atLeast } from '@atrium/kernel';
import { RequestClient } from '@atrium/messaging';
import { fromZodError } from '@atrium/platform';
import { Access, CurrentActor } from '../auth/access.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { Member } from './dto/member.types.js';

@ObjectType({ description: 'Points moved from the merged member to the survivor.' })
export class PointsMoved {
  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  debt!: number;
}

@ObjectType({ description: 'The outcome of a merge.' })
export class MergeResult {
  @Field(() => Member)
  survivor!: Member;

  @Field(() => ID, {
    description: 'The merged member; its id and member code keep resolving to the survivor.',
  })
  mergedId!: string;

  @Field(() => PointsMoved)
  pointsMoved!: PointsMoved;

  @Field(() => Int)
  identitiesMoved!: number;
}

/** Staff merge duplicate members. */
@Resolver()
export class MemberMergeResolver {
  constructor(private readonly requests: RequestClient) {}

  @Mutation(() => MergeResult, {
    description:
      'Merges a duplicate into a survivor (staff SUPERVISOR and above): identities, profile gaps, consent history, points with their lots and expiry, purchases and history move; the merged id keeps resolving to the survivor.',
  })
  @Access({ kinds: ['staff'], staffRoles: atLeast('SUPERVISOR') })
  async mergeMembers(
    @Args('survivorId', { type: () => ID }) survivorId: string,
    @Args('mergedId', { type: () => ID }) mergedId: string,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<MergeResult> {
    const request = { survivorId, mergedId, reason };
    const parsed = mergeMembers.request.safeParse(request);
    if (!parsed.success) throw fromZodError(parsed.error);
    const result = await this.requests.send(mergeMembers, request, {
      context: context.contextFor(actor),
      key: survivorId,
    });
    return { ...result, survivor: Member.from(result.survivor) };
  }
}
