import { Field, ObjectType } from '@nestjs/graphql';

/**
 * Paging state of every Relay connection of the graph (members, points ledger, ...). Connections
 * page forward (`first`, `after`): `hasPreviousPage` is false, as the Relay spec allows when
 * paging forward; `startCursor`/`endCursor` are the first and last edge's cursors (null on an
 * empty page).
 */
@ObjectType({ description: 'Paging state of a connection (Relay PageInfo).' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Always false: connections page forward only.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  /** The page info of a forward page whose edges carry these cursors. */
  static forward(cursors: readonly string[], hasNextPage: boolean): PageInfo {
    return {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    };
  }
}
