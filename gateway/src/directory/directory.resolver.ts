import { Args, Query, Resolver } from '@nestjs/graphql';
import { StoreDirectory } from '../points/store-directory.js';
import { Store } from './dto/store.types.js';

/** The mall directory: public, as on the mall's floor plans. */
@Resolver(() => Store)
export class DirectoryResolver {
  constructor(private readonly directory: StoreDirectory) {}

  @Query(() => [Store], {
    description:
      'The stores of the mall in unit order, optionally of one floor (code, e.g. L1) or one category (e.g. JEWELRY). Public: the complaint form and the store guide use it.',
  })
  async stores(
    @Args('floor', { type: () => String, nullable: true }) floor: string | null,
    @Args('category', { type: () => String, nullable: true }) category: string | null,
  ): Promise<Store[]> {
    return (await this.directory.all({ floor, category })).map((s) => Store.from(s));
  }
}
