import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { StoreListing } from '../../points/store-directory.js';

@ObjectType('StoreTenant', { description: 'The tenant renting a store.' })
export class StoreTenant {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('Store', {
  description: 'A store of the mall directory: where it is, what it sells, who rents it.',
})
export class Store {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Unit number, e.g. L1-01.' }) unit!: string;
  @Field({ description: 'Floor code, e.g. L1.' }) floor!: string;
  @Field() floorName!: string;
  @Field({ description: 'What the store sells, e.g. JEWELRY.' }) category!: string;
  @Field(() => StoreTenant, { nullable: true, description: 'Null for a store the mall runs itself.' })
  tenant!: StoreTenant | null;

  static from(s: StoreListing): Store {
    return {
      id: s.id,
      name: s.name,
      unit: s.unit,
      floor: s.floor.code,
      floorName: s.floor.name,
      category: s.category,
      tenant: s.tenant,
    };
  }
}
