import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testInfra, uniqueDatabaseName, uniqueTopicPrefix } from '@atrium/testing';
import { loginStaff } from '../support/journeys.js';
import { graphql, startPlatform, type GraphQLResult, type Platform } from '../support/platform.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const extensionsOf = (r: GraphQLResult) => {
  expect(r.errors).toHaveLength(1);
  return r.errors![0]!.extensions ?? {};
};

// Real: the tickets and gateway processes (built), Kafka, PostgreSQL, the gateway's demo staff.
// Faked: nothing.
describe('the store directory, ticket categories and the calendar through the graph', () => {
  let platform: Platform;
  const tokens = new Map<string, string>();
  const gql = <D>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => graphql<D>(platform.graphqlUrl, query, variables, headers);
  async function staff(username: string): Promise<Record<string, string>> {
    if (!tokens.has(username)) tokens.set(username, await loginStaff(platform, username));
    return bearer(tokens.get(username)!);
  }

  beforeAll(async () => {
    const infra = testInfra();
    platform = await startPlatform({
      kafkaBrokers: infra.kafkaBrokers,
      databaseServerUrl: infra.databaseServerUrl,
      topicPrefix: uniqueTopicPrefix(),
      databasePrefix: uniqueDatabaseName('e2e').replace(/_e2e$/, '_'),
      only: ['tickets', 'gateway'],
      env: { GATEWAY_SEED_DEMO: 'true' },
    });
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('the store directory is public, in unit order, by floor or category, with the renting tenant', async () => {
    type S = { unit: string; name: string; floor: string; tenant: { name: string } | null };
    const all = await gql<{ stores: S[] }>('{ stores { unit name floor tenant { name } } }');
    expect(all.errors).toBeUndefined();
    const units = all.data!.stores.map((s) => s.unit);
    expect(units).toHaveLength(10);
    expect(units).toEqual([...units].sort());
    const l1 = await gql<{ stores: S[] }>(
      'query ($f: String) { stores(floor: $f) { unit name floor tenant { name } } }',
      {
        f: 'L1',
      },
    );
    expect(l1.data!.stores).toEqual([
      { unit: 'L1-01', name: 'Aurora Jewelry', floor: 'L1', tenant: { name: expect.any(String) } },
      { unit: 'L1-05', name: 'Bloom Cosmetics', floor: 'L1', tenant: null },
    ]);
    const jewelry = await gql<{ stores: S[] }>('{ stores(category: "JEWELRY") { name } }');
    expect(jewelry.data!.stores).toEqual([{ name: 'Aurora Jewelry' }]);
  });

  it('the complaint form lists the categories without signing in; a manager adds one; frontline cannot', async () => {
    const LIST = '{ ticketCategories { code name nameZh department } }';
    const listed = await gql<{ ticketCategories: { code: string; nameZh: string }[] }>(LIST);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.ticketCategories).toContainEqual({
      code: 'PARKING',
      name: 'Parking',
      nameZh: '停车',
      department: 'OPERATIONS',
    });
    const UPSERT =
      'mutation ($i: UpsertTicketCategoryInput!) { upsertTicketCategory(input: $i) { code active department } }';
    const input = {
      code: 'NURSING_ROOM',
      name: 'Nursing room',
      nameZh: '母婴室',
      department: 'FACILITIES',
      position: 55,
    };
    expect(extensionsOf(await gql(UPSERT, { i: input }, await staff('frontline.demo')))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const added = await gql<{ upsertTicketCategory: unknown }>(
      UPSERT,
      { i: input },
      await staff('manager.demo'),
    );
    expect(added.data!.upsertTicketCategory).toEqual({
      code: 'NURSING_ROOM',
      active: true,
      department: 'FACILITIES',
    });
    expect(
      extensionsOf(await gql(UPSERT, { i: { ...input, code: 'nursing' } }, await staff('manager.demo'))),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
    const after = await gql<{ ticketCategories: { code: string }[] }>(LIST);
    expect(after.data!.ticketCategories.map((c) => c.code)).toContain('NURSING_ROOM');
  });

  it('staff read the calendar; a manager changes the holidays and the time zone and goes back to the environment’s', async () => {
    const GET = '{ ticketSettings { timeZone timeZoneSource holidays openingHours { weekday open close } } }';
    const read = await gql<{ ticketSettings: { timeZone: string; openingHours: unknown[] } }>(
      GET,
      {},
      await staff('frontline.demo'),
    );
    expect(read.data!.ticketSettings).toMatchObject({
      timeZone: 'Asia/Shanghai',
      timeZoneSource: 'ENVIRONMENT',
    });
    expect(read.data!.ticketSettings.openingHours).toHaveLength(7);
    const UPDATE =
      'mutation ($i: UpdateTicketSettingsInput!) { updateTicketSettings(input: $i) { timeZone timeZoneSource holidays updatedBy } }';
    const manager = await staff('manager.demo');
    const changed = await gql<{ updateTicketSettings: unknown }>(
      UPDATE,
      { i: { timeZone: 'Asia/Hong_Kong', holidays: ['2027-02-17', '2027-02-16'] } },
      manager,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateTicketSettings).toMatchObject({
      timeZone: 'Asia/Hong_Kong',
      timeZoneSource: 'SETTING',
      holidays: ['2027-02-16', '2027-02-17'],
    });
    expect(extensionsOf(await gql(UPDATE, { i: { holidays: ['2027-02-30'] } }, manager))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.holidays.0',
    });
    const back = await gql<{ updateTicketSettings: unknown }>(UPDATE, { i: { timeZone: null } }, manager);
    expect(back.data!.updateTicketSettings).toMatchObject({
      timeZone: 'Asia/Shanghai',
      timeZoneSource: 'ENVIRONMENT',
      holidays: ['2027-02-16', '2027-02-17'],
    });
    expect(extensionsOf(await gql(GET))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
