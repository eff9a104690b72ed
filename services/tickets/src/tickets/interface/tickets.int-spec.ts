// Integration: the tickets service booked in-process.
// Real: PostgreSQL (own database), Kafka (own topic prefix), outbox relay, request-reply transport.
// Faked: nothing; the SLA scheduler's timer is off (its job is driven in sla-scheduler.int-spec.ts).
// The gateway does not run: the suite publishes the stores its tickets name on the directory topic
// (as the gateway's outbox relay does) and waits until the read model holds them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  compensationGranted,
  compensationPosted,
  ticketCompensationGranted,
  ticketEscalated,
  ticketOpened,
  ticketPatternDetected,
  tierChanged,
  TICKETS_OPERATIONS,
  type Actor,
  type OperationContract,
  type OperationRequest,
  type OperationResponse,
} from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import {
  expectEventually,
  startTestService,
  TestKafka,
  uniqueTopicPrefix,
  type CollectedMessage,
  type TestService,
  testActor,
  startTestClient,
  failureOf as refusal,
  sendAs,
  publishDirectory,
  type PublishedDirectory,
} from '@atrium/testing';
import {
  acknowledgeTicket,
  addTicketNote,
  advanceAfterSales,
  approveCompensation,
  assignTicket,
  closeTicket,
  escalateTicket,
  getTicket,
  grantCompensation,
  listSlaPolicies,
  listTickets,
  openTicket,
  pauseTicket,
  proposeResolution,
  reopenTicket,
  resolveTicket,
  respondToProposal,
  ticketStats,
  upsertSlaPolicy,
} from '@atrium/contracts';
import { AppModule } from '../../app.module.js';
import { StoreDirectory } from '../../directory/index.js';

const actor = testActor;
const anonymous = actor('anonymous', 'anonymous');
const frontline = actor('staff', 'frontline-1', { roles: ['FRONTLINE'] });
const supervisor = actor('staff', 'supervisor-1', { roles: ['SUPERVISOR'] });
const manager = actor('staff', 'manager-1', { roles: ['MANAGER'] });
const tenantKey = (tenantId: string, scopes = ['tickets:read', 'tickets:write']) =>
  actor('partner', `key-${tenantId}`, { tenantId, scopes });
const member = () => actor('member', randomUUID());

let kafka: TestKafka;
let service: TestService;
let client: RequestClient;
let db: DataSource;
let published: CollectedMessage[];
let directory: PublishedDirectory;

/** The stores the tickets of this suite are about (ids as the gateway's directory gives them). */
const STORES = {
  intake: randomUUID(),
  a: randomUUID(),
  b: randomUUID(),
  jewel: randomUUID(),
  queue: randomUUID(),
  pattern: randomUUID(),
  stats: randomUUID(),
  sla: randomUUID(),
};

/** Publishes directory rows and waits until the service's read model holds each store's version. */
const publishStores = (seed: Parameters<typeof publishDirectory>[1]) => {
  const held = service.app.get(StoreDirectory);
  return publishDirectory(kafka, seed, async (s) => (await held.findStore(s.id))?.version === s.version);
};

const call = <O extends OperationContract>(op: O, request: OperationRequest<O>, as: Actor) =>
  sendAs(client, op, request, as);

/** The wire code and reason of a refused call. */
const failureOf = async (promise: Promise<unknown>) => {
  const { code, reason } = await refusal(promise);
  return { code, reason };
};

/** The wire code and the field a refused call names. */
const fieldErrorOf = async (promise: Promise<unknown>) => {
  const { code, field } = await refusal(promise);
  return { code, field };
};

const eventsOf = (topic: string, pick: (p: Record<string, unknown>) => boolean) =>
  published
    .filter((m) => m.topic.endsWith(topic))
    .map((m) => JSON.parse(m.value ?? '{}') as { id: string; payload: Record<string, unknown> })
    .filter((e) => pick(e.payload));

const complaint = (
  over: Partial<OperationRequest<typeof openTicket>> = {},
): OperationRequest<typeof openTicket> => ({
  channel: 'APP',
  category: 'SERVICE_ATTITUDE',
  severity: 'MEDIUM',
  description: 'The sales assistant was rude when I asked for another size.',
  customerConfirmed: true,
  ...over,
});

beforeAll(async () => {
  const prefix = uniqueTopicPrefix();
  kafka = new TestKafka(prefix);
  await kafka.createTopics();
  published = await kafka.collect(
    [
      ticketOpened,
      ticketEscalated,
      ticketCompensationGranted,
      compensationGranted,
      ticketPatternDetected,
    ].map((e) => e.topic),
  );
  service = await startTestService('tickets', (config) => AppModule.forRoot(config, { slaPollMs: null }), {
    topicPrefix: prefix,
  });
  db = service.app.get(DataSource);
  client = await startTestClient(kafka, [...TICKETS_OPERATIONS]);
  directory = await publishStores({
    floors: [{ code: 'L1' }, { code: 'L2' }],
    stores: [
      { id: STORES.intake, floor: 'L2' },
      ...[STORES.a, STORES.b, STORES.jewel, STORES.queue, STORES.pattern, STORES.sla].map((id) => ({
        id,
        floor: 'L1',
      })),
      { id: STORES.stats, floor: 'L1' },
    ],
  });
});

afterAll(async () => {
  await client?.stop();
  await service?.close();
  await kafka?.close();
});

describe('intake', () => {
  it('a member opens a ticket: a day-sortable number, live SLA targets, a history row and an opened event', async () => {
    const me = member();
    const before = Date.now();
    const t = await call(openTicket, complaint({ tenantId: 't-intake', storeId: STORES.intake, floor: 'L2' }), me);
    expect(t.number).toMatch(/^TK-\d{8}-\d{6}$/);
    expect(t).toMatchObject({
      status: 'OPEN',
      level: 'FRONTLINE',
      memberId: me.id,
      slaPolicyCode: 'LIVE',
      department: 'TENANT_STORE',
      slaState: 'ON_TRACK',
    });
    const dueIn = Date.parse(t.firstResponseDueAt!) - before;
    expect(dueIn).toBeGreaterThanOrEqual(30_000);
    expect(dueIn).toBeLessThan(60_000);
    expect(t.history.map((h) => h.action)).toEqual(['OPENED']);
    await expectEventually(() =>
      expect(eventsOf(ticketOpened.topic, (p) => p.ticketId === t.id)).toHaveLength(1),
    );
  });

  it('refuses a store the directory does not know, naming storeId, and writes nothing', async () => {
    const count = async () =>
      ((await db.query(`SELECT count(*)::int AS n FROM tickets`)) as { n: number }[])[0]!.n;
    const before = await count();
    expect(
      await fieldErrorOf(call(openTicket, complaint({ tenantId: 't-unknown', storeId: randomUUID() }), member())),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'storeId' });
    expect(
      await fieldErrorOf(call(openTicket, complaint({ tenantId: 't-unknown', storeId: 's-typed' }), member())),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'storeId' });
    expect(await count()).toBe(before);
  });

  it('takes the floor from the store and refuses a typed floor that contradicts it or is unknown, naming floor', async () => {
    const t = await call(openTicket, complaint({ tenantId: 't-intake', storeId: STORES.intake }), member());
    expect([t.storeId, t.floor]).toEqual([STORES.intake, 'L2']);
    expect(
      await fieldErrorOf(
        call(openTicket, complaint({ tenantId: 't-intake', storeId: STORES.intake, floor: 'L1' }), member()),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'floor' });
    expect(await fieldErrorOf(call(openTicket, complaint({ floor: 'L9' }), member()))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'floor',
    });
  });

  it('refuses a new ticket about a store that has closed', async () => {
    const [closed] = (
      await publishStores({
        mallId: directory.mallId,
        floors: directory.floors.map((f) => ({ id: f.id, code: f.code, level: f.level, name: f.name })),
        stores: [{ floor: 'L1', active: false }],
      })
    ).stores;
    expect(
      await fieldErrorOf(call(openTicket, complaint({ tenantId: 't-closed', storeId: closed!.id }), member())),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'storeId' });
  });

  it('numbers of one day are consecutive and sort in opening order', async () => {
    const a = await call(openTicket, complaint(), member());
    const b = await call(openTicket, complaint(), member());
    expect(a.number.slice(0, 12)).toBe(b.number.slice(0, 12));
    expect(Number(b.number.slice(12)) - Number(a.number.slice(12))).toBe(1);
    expect([b.number, a.number].sort()).toEqual([a.number, b.number]);
  });

  it('an anonymous comment card needs contact details; with them it opens under the business-time feedback policy, contact visible to staff only', async () => {
    expect(await failureOf(call(openTicket, complaint({ channel: 'HOTLINE' }), anonymous))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const t = await call(
      openTicket,
      complaint({ channel: 'COMMENT_CARD', contactPhone: '13800138000' }),
      anonymous,
    );
    expect(t).toMatchObject({ memberId: null, slaPolicyCode: 'FEEDBACK', contactPhone: null });
    expect((await call(getTicket, { number: t.number }, frontline)).contactPhone).toBe('13800138000');
  });

  it('an unknown category is BAD_USER_INPUT and opens nothing', async () => {
    const [{ n: before }] = (await db.query(`SELECT count(*)::int AS n FROM tickets`)) as { n: number }[];
    expect(await failureOf(call(openTicket, complaint({ category: 'WEATHER' }), member()))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TICKET_INVALID_INPUT',
    });
    const [{ n: after }] = (await db.query(`SELECT count(*)::int AS n FROM tickets`)) as { n: number }[];
    expect(after).toBe(before);
  });

  it('a VIP member (tier known from members.tier.changed.v1) gets the VIP policy and shows in the VIP queue', async () => {
    const me = member();
    await kafka.publish(
      tierChanged,
      {
        memberId: me.id,
        fromCode: 'GOLD',
        toCode: 'BLACK_CARD',
        direction: 'UPGRADE',
        reason: 'qualifying spend',
        changedAt: new Date().toISOString(),
      },
      { key: me.id, actor: actor('system', 'members') },
    );
    await expectEventually(async () =>
      expect(await db.query(`SELECT tier FROM member_tiers WHERE member_id = $1`, [me.id])).toEqual([
        { tier: 'BLACK_CARD' },
      ]),
    );
    const t = await call(openTicket, complaint(), me);
    expect(t.slaPolicyCode).toBe('VIP_LIVE');
    const vip = await call(listTickets, { filter: { vip: true, memberId: me.id }, first: 10 }, frontline);
    expect(vip.items.map((i) => i.number)).toEqual([t.number]);
    const regular = await call(
      listTickets,
      { filter: { vip: false, memberId: me.id }, first: 10 },
      frontline,
    );
    expect(regular.items).toEqual([]);
  });
});

describe('working a ticket', () => {
  it('acknowledge → propose → rejected with escalation → frontline locked out → supervisor resolves → close → reopen with fresh targets', async () => {
    const me = member();
    let t = await call(openTicket, complaint(), me);
    t = await call(
      acknowledgeTicket,
      { number: t.number, message: 'Sorry to hear that, we are on it.' },
      frontline,
    );
    expect(t.status).toBe('ACKNOWLEDGED');
    expect(t.slaTargets.find((s) => s.target === 'FIRST_RESPONSE')!.metAt).not.toBeNull();
    t = await call(
      assignTicket,
      { number: t.number, department: 'CUSTOMER_SERVICE', assigneeId: 'frontline-1' },
      frontline,
    );
    t = await call(
      proposeResolution,
      { number: t.number, proposal: 'An apology and 100 points.' },
      frontline,
    );
    expect(t).toMatchObject({ status: 'PROPOSED', proposalStatus: 'PENDING' });
    t = await call(
      respondToProposal,
      { number: t.number, accept: false, comment: 'Not enough', escalate: true },
      me,
    );
    expect(t).toMatchObject({ status: 'IN_PROGRESS', proposalStatus: 'REJECTED', level: 'SUPERVISOR' });

    expect(
      await failureOf(
        call(addTicketNote, { number: t.number, visibility: 'PUBLIC', text: 'hello' }, frontline),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'TICKET_LEVEL_TOO_LOW',
    });
    expect(
      await failureOf(
        call(escalateTicket, { number: t.number, reason: 'OTHER', toLevel: 'FRONTLINE' }, supervisor),
      ),
    ).toMatchObject({
      reason: 'TICKET_DEESCALATION_NOT_ALLOWED',
    });
    t = await call(resolveTicket, { number: t.number, rootCause: 'STAFF_TRAINING' }, supervisor);
    t = await call(closeTicket, { number: t.number }, supervisor);
    expect(t.status).toBe('CLOSED');
    const reopenedAt = Date.now();
    t = await call(reopenTicket, { number: t.number, reason: 'The store was rude again' }, me);
    expect(t.status).toBe('REOPENED');
    expect(Date.parse(t.firstResponseDueAt!)).toBeGreaterThanOrEqual(reopenedAt + 29_000);
    expect(t.slaState).toBe('ON_TRACK');
    expect(t.history.map((h) => h.action)).toEqual([
      'OPENED',
      'ACKNOWLEDGE',
      'NOTE_ADDED',
      'ASSIGNED',
      'PROPOSE',
      'REJECT_PROPOSAL',
      'ESCALATED',
      'RESOLVE',
      'CLOSE',
      'REOPEN',
    ]);
    expect(t.history.every((h) => h.actorId.length > 0 && h.at.length > 0)).toBe(true);
    await expectEventually(() =>
      expect(
        eventsOf(ticketEscalated.topic, (p) => p.ticketId === t.id).map((e) => e.payload.reason),
      ).toEqual(['PROPOSAL_REJECTED']),
    );
  });

  it('illegal transitions are CONFLICT with TICKET_ILLEGAL_TRANSITION and change nothing', async () => {
    const t = await call(openTicket, complaint(), member());
    for (const attempt of [
      call(closeTicket, { number: t.number }, frontline),
      call(resolveTicket, { number: t.number, rootCause: 'X' }, frontline),
      call(respondToProposal, { number: t.number, accept: true }, frontline),
      call(reopenTicket, { number: t.number, reason: 'x' }, frontline),
    ]) {
      expect(await failureOf(attempt)).toEqual({ code: 'CONFLICT', reason: 'TICKET_ILLEGAL_TRANSITION' });
    }
    const again = await call(getTicket, { number: t.number }, frontline);
    expect(again.status).toBe('OPEN');
    expect(again.history).toHaveLength(1);
  });

  it('pausing stops the clock (due times unknown) and resuming sets them again', async () => {
    let t = await call(openTicket, complaint(), member());
    t = await call(acknowledgeTicket, { number: t.number }, frontline);
    t = await call(pauseTicket, { number: t.number, reason: 'WAITING_ON_CUSTOMER' }, frontline);
    expect(t).toMatchObject({ slaState: 'PAUSED', resolutionDueAt: null });
    expect(
      await failureOf(call(pauseTicket, { number: t.number, reason: 'WAITING_ON_PARTS' }, frontline)),
    ).toMatchObject({ reason: 'TICKET_ALREADY_PAUSED' });
    t = await call(pauseTicket, { number: t.number, reason: null }, frontline);
    expect(t.slaState).toBe('ON_TRACK');
    expect(t.resolutionDueAt).not.toBeNull();
  });
});

describe('authority', () => {
  it('a member sees only its own tickets; another member gets NOT_FOUND and an empty list', async () => {
    const me = member();
    const other = member();
    const t = await call(openTicket, complaint(), me);
    expect((await call(getTicket, { number: t.number }, me)).id).toBe(t.id);
    expect(await failureOf(call(getTicket, { number: t.number }, other))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const mine = await call(listTickets, {}, me);
    expect(mine.items.map((i) => i.id)).toEqual([t.id]);
    expect((await call(listTickets, {}, other)).items).toEqual([]);
  });

  it('a tenant sees only its stores’ tickets and never internal notes', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const t = await call(openTicket, complaint({ tenantId: tenant, storeId: STORES.a }), member());
    await call(openTicket, complaint({ tenantId: 'someone-else', storeId: STORES.b }), member());
    await call(
      addTicketNote,
      { number: t.number, visibility: 'INTERNAL', text: 'Known troublemaker at this counter' },
      frontline,
    );
    await call(
      addTicketNote,
      { number: t.number, visibility: 'PUBLIC', text: 'We are contacting the store' },
      frontline,
    );

    const seen = await call(getTicket, { number: t.number }, tenantKey(tenant, ['tickets:read']));
    expect(seen.notes.map((n) => n.text)).toEqual(['We are contacting the store']);
    expect(seen.history.some((h) => h.internal)).toBe(false);
    expect((await call(getTicket, { number: t.number }, frontline)).notes).toHaveLength(2);

    const list = await call(listTickets, {}, tenantKey(tenant, ['tickets:read']));
    expect(list.items.map((i) => i.id)).toEqual([t.id]);
    expect(await failureOf(call(getTicket, { number: t.number }, tenantKey('someone-else')))).toMatchObject({
      reason: 'TICKET_OTHER_TENANT',
    });
    expect(
      await failureOf(call(acknowledgeTicket, { number: t.number }, tenantKey(tenant, ['tickets:read']))),
    ).toMatchObject({ reason: 'TICKET_MISSING_SCOPE' });
    expect(
      await failureOf(
        call(addTicketNote, { number: t.number, visibility: 'INTERNAL', text: 'x' }, tenantKey(tenant)),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call(acknowledgeTicket, { number: t.number }, tenantKey(tenant))).status).toBe(
      'ACKNOWLEDGED',
    );
  });

  it('a level-2 ticket cannot be worked by frontline or by the store', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const t = await call(openTicket, complaint({ tenantId: tenant, storeId: STORES.a }), member());
    await call(escalateTicket, { number: t.number, reason: 'CUSTOMER_ASKED_SUPERVISOR' }, frontline);
    expect(await failureOf(call(acknowledgeTicket, { number: t.number }, frontline))).toEqual({
      code: 'FORBIDDEN',
      reason: 'TICKET_LEVEL_TOO_LOW',
    });
    expect(await failureOf(call(acknowledgeTicket, { number: t.number }, tenantKey(tenant)))).toEqual({
      code: 'FORBIDDEN',
      reason: 'TICKET_LEVEL_TOO_LOW',
    });
    expect((await call(acknowledgeTicket, { number: t.number }, supervisor)).status).toBe('ACKNOWLEDGED');
  });
});

describe('compensation', () => {
  it('frontline grants 150 points at once: the members ledger message is sent once, keyed by member', async () => {
    const me = member();
    const t = await call(openTicket, complaint(), me);
    const after = await call(
      grantCompensation,
      { number: t.number, kind: 'POINTS', amount: 150, reason: 'Apology' },
      frontline,
    );
    const comp = after.compensations[0]!;
    expect(comp).toMatchObject({ status: 'GRANTED', amount: 150, requiredLevel: 'FRONTLINE' });
    await expectEventually(() => {
      const sent = published.filter((m) => m.topic.endsWith(compensationGranted.topic) && m.key === me.id);
      expect(sent.map((m) => JSON.parse(m.value!).payload)).toEqual([
        { compensationId: comp.id, memberId: me.id, ticketId: t.id, points: 150, reason: 'Apology' },
      ]);
    });
  });

  it('500 points from frontline waits for approval; frontline cannot approve it; a supervisor can, and only then it is sent', async () => {
    const me = member();
    const t = await call(openTicket, complaint(), me);
    const pending = await call(
      grantCompensation,
      { number: t.number, kind: 'POINTS', amount: 500, reason: 'Ruined evening' },
      frontline,
    );
    const comp = pending.compensations[0]!;
    expect(comp).toMatchObject({ status: 'PENDING_APPROVAL', requiredLevel: 'SUPERVISOR' });
    expect(
      await failureOf(call(approveCompensation, { number: t.number, compensationId: comp.id }, frontline)),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'TICKET_COMPENSATION_ABOVE_LIMIT',
    });
    // The member does not see a pending grant.
    expect((await call(getTicket, { number: t.number }, me)).compensations).toEqual([]);
    const approved = await call(
      approveCompensation,
      { number: t.number, compensationId: comp.id },
      supervisor,
    );
    expect(approved.compensations[0]).toMatchObject({ status: 'GRANTED', approvedBy: 'supervisor-1' });
    expect(
      await failureOf(call(approveCompensation, { number: t.number, compensationId: comp.id }, manager)),
    ).toMatchObject({
      reason: 'TICKET_COMPENSATION_NOT_PENDING',
    });
    await expectEventually(() =>
      expect(
        published.filter((m) => m.topic.endsWith(compensationGranted.topic) && m.key === me.id),
      ).toHaveLength(1),
    );
  });

  it('the ledger’s answer shows on the ticket once: posted at, entry and a public history row, also when delivered twice', async () => {
    const me = member();
    const t = await call(openTicket, complaint(), me);
    const granted = await call(
      grantCompensation,
      { number: t.number, kind: 'POINTS', amount: 120, reason: 'Apology' },
      frontline,
    );
    const comp = granted.compensations[0]!;
    expect(comp).toMatchObject({ posting: 'PENDING', postedAt: null, ledgerEntryId: null });
    const entryId = randomUUID();
    const answer = {
      compensationId: comp.id,
      ticketId: t.id,
      memberId: me.id,
      outcome: 'POSTED' as const,
      creditedMemberId: me.id,
      entryId,
      points: 120,
      refusal: null,
      postedAt: '2026-11-22T08:00:00.000Z',
    };
    const ledger = actor('system', 'members');
    // The same message twice (a redelivery), then a second message with the same answer.
    const id = await kafka.publish(compensationPosted, answer, { key: t.id, actor: ledger });
    await kafka.publish(compensationPosted, answer, { key: t.id, actor: ledger, id });
    await kafka.publish(
      compensationPosted,
      { ...answer, postedAt: '2026-11-22T09:00:00.000Z' },
      {
        key: t.id,
        actor: ledger,
      },
    );
    await expectEventually(async () => {
      const inbox = (await db.query(`SELECT count(*)::int AS n FROM inbox WHERE topic LIKE $1`, [
        `%${compensationPosted.topic}`,
      ])) as Array<{ n: number }>;
      expect(inbox[0]!.n).toBeGreaterThanOrEqual(2);
      expect((await call(getTicket, { number: t.number }, frontline)).compensations[0]).toMatchObject({
        posting: 'POSTED',
        postedAt: '2026-11-22T08:00:00.000Z',
        ledgerEntryId: entryId,
      });
    });
    const staffView = await call(getTicket, { number: t.number }, frontline);
    expect(staffView.history.filter((h) => h.action === 'COMPENSATION_POSTED')).toEqual([
      expect.objectContaining({
        actorId: 'members.ledger',
        internal: false,
        detail: { compensationId: comp.id, points: 120, entryId, creditedMemberId: me.id },
      }),
    ]);
    // The member sees when the points were posted, not the ledger's internals.
    const mine = await call(getTicket, { number: t.number }, me);
    expect(mine.compensations[0]).toMatchObject({
      posting: 'POSTED',
      postedAt: '2026-11-22T08:00:00.000Z',
      ledgerEntryId: null,
    });
    expect(mine.history.filter((h) => h.action === 'COMPENSATION_POSTED')).toHaveLength(1);
  });

  it('a refusal by the ledger shows to staff with its reason, as an internal history row', async () => {
    const me = member();
    const t = await call(openTicket, complaint(), me);
    const comp = (
      await call(
        grantCompensation,
        { number: t.number, kind: 'POINTS', amount: 50, reason: 'Sorry' },
        frontline,
      )
    ).compensations[0]!;
    await kafka.publish(
      compensationPosted,
      {
        compensationId: comp.id,
        ticketId: t.id,
        memberId: me.id,
        outcome: 'REFUSED',
        creditedMemberId: null,
        entryId: null,
        points: 50,
        refusal: 'MEMBER_DELETED',
        postedAt: new Date().toISOString(),
      },
      { key: t.id, actor: actor('system', 'members') },
    );
    await expectEventually(async () =>
      expect((await call(getTicket, { number: t.number }, frontline)).compensations[0]).toMatchObject({
        posting: 'REFUSED',
        postedAt: null,
        postingRefusal: 'MEMBER_DELETED',
      }),
    );
    const staffView = await call(getTicket, { number: t.number }, frontline);
    expect(staffView.history.find((h) => h.action === 'COMPENSATION_REFUSED')).toMatchObject({
      internal: true,
    });
    expect((await call(getTicket, { number: t.number }, me)).history.map((h) => h.action)).not.toContain(
      'COMPENSATION_REFUSED',
    );
  });

  it('a coupon has no ledger posting', async () => {
    const t = await call(openTicket, complaint(), member());
    const comp = (
      await call(
        grantCompensation,
        { number: t.number, kind: 'COUPON', amount: 2000, reason: 'Sorry' },
        supervisor,
      )
    ).compensations[0]!;
    expect(comp).toMatchObject({ status: 'GRANTED', posting: null });
  });

  it('points cannot compensate an anonymous ticket', async () => {
    const t = await call(openTicket, complaint({ channel: 'COMMENT_CARD', contactName: 'Ms Li' }), anonymous);
    expect(
      await failureOf(
        call(grantCompensation, { number: t.number, kind: 'POINTS', amount: 10, reason: 'x' }, frontline),
      ),
    ).toMatchObject({
      reason: 'TICKET_COMPENSATION_NEEDS_MEMBER',
    });
  });
});

describe('after-sales', () => {
  it('a repair goes step by step, pauses the clock while in repair, and refuses a skipped step', async () => {
    let t = await call(
      openTicket,
      complaint({
        category: 'REPAIR',
        tenantId: 't-jewel',
        storeId: STORES.jewel,
        afterSales: { flow: 'REPAIR', details: { productCode: 'R-123', reason: 'Loose stone' } },
      }),
      member(),
    );
    expect(t.afterSales).toMatchObject({ flow: 'REPAIR', step: 'RECEIVED' });
    expect(
      await failureOf(call(advanceAfterSales, { number: t.number, step: 'IN_REPAIR' }, frontline)),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'TICKET_AFTER_SALES_ILLEGAL_STEP',
    });
    t = await call(acknowledgeTicket, { number: t.number }, frontline);
    t = await call(advanceAfterSales, { number: t.number, step: 'ASSESSED' }, frontline);
    // A quote is an amount, or free under warranty; without either the step is refused and nothing moves.
    expect(
      await fieldErrorOf(call(advanceAfterSales, { number: t.number, step: 'QUOTED' }, frontline)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'details.quoteFen',
    });
    expect((await call(getTicket, { number: t.number }, frontline)).afterSales!.step).toBe('ASSESSED');
    t = await call(
      advanceAfterSales,
      { number: t.number, step: 'QUOTED', details: { underWarranty: true } },
      frontline,
    );
    for (const step of ['APPROVED', 'IN_REPAIR'])
      t = await call(advanceAfterSales, { number: t.number, step }, frontline);
    expect(t).toMatchObject({
      afterSales: { step: 'IN_REPAIR' },
      slaState: 'PAUSED',
      pauseReason: 'WAITING_ON_PARTS',
    });
    t = await call(advanceAfterSales, { number: t.number, step: 'QUALITY_CHECKED' }, frontline);
    expect(t.slaState).toBe('ON_TRACK');
    expect(t.afterSales!.details).toMatchObject({ productCode: 'R-123', underWarranty: true });
    expect(
      await fieldErrorOf(call(advanceAfterSales, { number: t.number, step: 'READY_FOR_PICKUP' }, frontline)),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'details.careAdvice' });
    t = await call(
      advanceAfterSales,
      { number: t.number, step: 'READY_FOR_PICKUP', details: { careAdvice: 'Keep it away from perfume' } },
      frontline,
    );
    expect(t.afterSales!.step).toBe('READY_FOR_PICKUP');
    expect(t.pauseReason).toBe('WAITING_ON_CUSTOMER');
  });

  it('a return is registered with purchase date, product and reason, and denied only with the policy reason', async () => {
    const [{ n: before }] = (await db.query(`SELECT count(*)::int AS n FROM tickets`)) as { n: number }[];
    const registration = { purchaseDate: '2026-11-01', productCode: 'AJ-NECK-7', reason: 'Clasp broke' };
    const open = (details: Record<string, string>) =>
      call(
        openTicket,
        complaint({
          category: 'RETURN_EXCHANGE',
          tenantId: 't-jewel',
          storeId: STORES.jewel,
          afterSales: { flow: 'RETURN_EXCHANGE', details },
        }),
        member(),
      );
    expect(await fieldErrorOf(open({ productCode: 'AJ-NECK-7', reason: 'Clasp broke' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'afterSales.purchaseDate',
    });
    expect(await fieldErrorOf(open({ ...registration, purchaseDate: '2999-01-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'afterSales.purchaseDate',
    });
    const [{ n: afterRefusals }] = (await db.query(`SELECT count(*)::int AS n FROM tickets`)) as {
      n: number;
    }[];
    expect(afterRefusals).toBe(before);
    let t = await open(registration);
    expect(t.afterSales).toMatchObject({
      flow: 'RETURN_EXCHANGE',
      step: 'REGISTERED',
      details: registration,
    });
    t = await call(advanceAfterSales, { number: t.number, step: 'INSPECTED' }, frontline);
    expect(
      await fieldErrorOf(call(advanceAfterSales, { number: t.number, step: 'DENIED' }, frontline)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'details.policyReason',
    });
    t = await call(
      advanceAfterSales,
      { number: t.number, step: 'DENIED', details: { policyReason: 'Worn for more than 7 days' } },
      frontline,
    );
    expect(t.afterSales).toMatchObject({
      step: 'DENIED',
      details: { policyReason: 'Worn for more than 7 days' },
    });
    expect(
      t.history.filter((h) => h.action === 'AFTER_SALES_STEP').map((h) => h.detail.to ?? h.detail.step),
    ).toEqual(['REGISTERED', 'INSPECTED', 'DENIED']);
  });

  it('a ticket without a flow has no after-sales to advance', async () => {
    const t = await call(openTicket, complaint(), member());
    expect(
      await failureOf(call(advanceAfterSales, { number: t.number, step: 'INSPECTED' }, frontline)),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('queue and policies', () => {
  it('the staff queue pages by nearest due time without repeats or gaps', async () => {
    const store = STORES.queue;
    for (let i = 0; i < 5; i++)
      await call(openTicket, complaint({ tenantId: 't-q', storeId: store }), member());
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: OperationResponse<typeof listTickets> = await call(
        listTickets,
        { filter: { storeId: store }, first: 2, after },
        frontline,
      );
      seen.push(...page.items.map((i) => i.number));
      after = page.hasNextPage ? page.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual(seen);
  });

  it('a third ticket for one store and category within the window raises one pattern event', async () => {
    const store = STORES.pattern;
    for (let i = 0; i < 4; i++)
      await call(openTicket, complaint({ tenantId: 't-p', storeId: store }), member());
    await expectEventually(() =>
      expect(eventsOf(ticketPatternDetected.topic, (p) => p.storeId === store)).toHaveLength(1),
    );
    expect(eventsOf(ticketPatternDetected.topic, (p) => p.storeId === store)[0]!.payload).toMatchObject({
      count: 3,
      category: 'SERVICE_ATTITUDE',
    });
  });

  it('managers change SLA policies; frontline reads them but cannot change them', async () => {
    const policy = {
      code: 'PARKING_FAST',
      name: 'Parking',
      position: 50,
      categories: ['PARKING'],
      clock: 'CALENDAR' as const,
      firstResponseSeconds: 60,
      planSeconds: 600,
      resolutionSeconds: 3600,
    };
    expect(await failureOf(call(upsertSlaPolicy, policy, frontline))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await call(upsertSlaPolicy, policy, manager)).toMatchObject({
      code: 'PARKING_FAST',
      warnRatio: 0.8,
    });
    const list = await call(listSlaPolicies, {}, frontline);
    expect(list.items.map((p) => p.code)).toEqual(['VIP_LIVE', 'PARKING_FAST', 'LIVE', 'FEEDBACK']);
    const t = await call(openTicket, complaint({ category: 'PARKING' }), member());
    expect(t.slaPolicyCode).toBe('PARKING_FAST');
    expect(await failureOf(call(listSlaPolicies, {}, member()))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('statistics', () => {
  it('counts by category, store and floor, times to first response and resolution, first-contact resolution, patterns', async () => {
    const store = STORES.stats;
    const from = new Date(Date.now() - 1000).toISOString();
    const a = await call(openTicket, complaint({ tenantId: 't-st', storeId: store, floor: 'L1' }), member());
    const b = await call(openTicket, complaint({ tenantId: 't-st', storeId: store, floor: 'L1' }), member());
    // The store moves to L2 in the gateway's directory; its next ticket is on L2.
    await publishStores({
      mallId: directory.mallId,
      floors: directory.floors.map((f) => ({ id: f.id, code: f.code, level: f.level, name: f.name })),
      stores: [{ id: store, floor: 'L2', version: 2 }],
    });
    await call(
      openTicket,
      complaint({ tenantId: 't-st', storeId: store, floor: 'L2', category: 'PARKING' }),
      member(),
    );
    await call(acknowledgeTicket, { number: a.number }, frontline);
    await call(resolveTicket, { number: a.number, rootCause: 'X' }, frontline);
    await call(acknowledgeTicket, { number: b.number }, frontline);
    await call(escalateTicket, { number: b.number, reason: 'OTHER' }, frontline);
    await call(resolveTicket, { number: b.number, rootCause: 'X' }, supervisor);
    const to = new Date(Date.now() + 1000).toISOString();
    const stats = await call(ticketStats, { from, to, storeId: store }, manager);
    expect(stats.total).toBe(3);
    expect(stats.byCategory).toEqual([
      { key: 'SERVICE_ATTITUDE', count: 2 },
      { key: 'PARKING', count: 1 },
    ]);
    expect(stats.byFloor).toEqual([
      { key: 'L1', count: 2 },
      { key: 'L2', count: 1 },
    ]);
    expect(stats.firstResponse.medianSeconds).toBeGreaterThan(0);
    expect(stats.resolution.p90Seconds).toBeGreaterThan(0);
    expect(stats.firstContactResolutionRate).toBe(0.5);
    expect(stats.breachRate).toBe(0);
    expect(stats.patterns).toEqual([]);
    expect(await failureOf(call(ticketStats, { from, to }, member()))).toMatchObject({ code: 'FORBIDDEN' });
    const tenantView = await call(ticketStats, { from, to }, tenantKey('t-st', ['tickets:read']));
    expect(tenantView.total).toBe(3);
  });

  it('SLA time counts as each policy does: business hours for a comment card, pauses left out for a live complaint', async () => {
    const store = STORES.sla;
    const where = { tenantId: 't-sla', storeId: store };
    const card = await call(
      openTicket,
      complaint({ ...where, channel: 'COMMENT_CARD', contactName: 'Ms Wu', category: 'CLEANLINESS' }),
      anonymous,
    );
    const live = await call(openTicket, complaint(where), member());
    expect([card.slaPolicyCode, live.slaPolicyCode]).toEqual(['FEEDBACK', 'LIVE']);
    for (const t of [card, live]) {
      await call(acknowledgeTicket, { number: t.number }, frontline);
      await call(resolveTicket, { number: t.number, rootCause: 'X' }, frontline);
    }
    // Known instants (the mall opens 10:00–22:00 Asia/Shanghai, UTC+8): the card came in on
    // Saturday 21:00 local, was answered Sunday 10:30 and resolved Sunday 12:00; the live
    // complaint came in at 12:00 local, was answered at 12:05, waited on the customer
    // 12:10–12:20 and was resolved at 13:00.
    const at = (id: string, opened: string, answered: string, resolved: string) =>
      db.query(`UPDATE tickets SET opened_at = $2, first_response_at = $3, resolved_at = $4 WHERE id = $1`, [
        id,
        opened,
        answered,
        resolved,
      ]);
    await at(card.id, '2026-11-21T13:00:00Z', '2026-11-22T02:30:00Z', '2026-11-22T04:00:00Z');
    await at(live.id, '2026-11-21T04:00:00Z', '2026-11-21T04:05:00Z', '2026-11-21T05:00:00Z');
    await db.query(
      `INSERT INTO ticket_pauses (ticket_id, started_at, ended_at, reason) VALUES ($1, '2026-11-21T04:10:00Z', '2026-11-21T04:20:00Z', 'WAITING_ON_CUSTOMER')`,
      [live.id],
    );
    const stats = await call(
      ticketStats,
      { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z', storeId: store },
      manager,
    );
    expect(stats.total).toBe(2);
    // Calendar time: first responses 13.5 h and 5 min, resolutions 15 h and 1 h.
    expect(stats.firstResponse).toEqual({
      medianSeconds: (48_600 + 300) / 2,
      p90Seconds: 300 + 0.9 * 48_300,
    });
    expect(stats.resolution).toEqual({
      medianSeconds: (54_000 + 3_600) / 2,
      p90Seconds: 3_600 + 0.9 * 50_400,
    });
    // SLA time: the card 1 h Saturday + 30 min Sunday = 5,400 s to answer, 3 h to resolve;
    // the live complaint 300 s to answer and 60 − 10 min paused = 3,000 s to resolve.
    expect(stats.firstResponseSlaTime.medianSeconds).toBeCloseTo((5_400 + 300) / 2, 6);
    expect(stats.firstResponseSlaTime.p90Seconds).toBeCloseTo(300 + 0.9 * 5_100, 6);
    expect(stats.resolutionSlaTime.medianSeconds).toBeCloseTo((10_800 + 3_000) / 2, 6);
    expect(stats.resolutionSlaTime.p90Seconds).toBeCloseTo(3_000 + 0.9 * 7_800, 6);
  });
});
