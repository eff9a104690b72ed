/**
 * In-memory implementations of the tickets ports, and a harness that builds the application
 * services over them with a fixed clock, for the use-case specs. Real: the Ticket aggregate,
 * the SLA planner (SlaClock), the view builder, TicketWork and every use case. Faked: the
 * repositories and the directory read model (maps), the outbox (a list, payloads checked against their contracts) and the
 * transaction (runs the work directly).
 */
import type { EventContract, EventPayload, OperationContract, ValidatedRequest } from '@atrium/contracts';
import { openTicket as openTicketOp } from '@atrium/contracts';
import type { OutboxWriter } from '@atrium/messaging';
import type { TransactionHost } from '@atrium/persistence';
import type { Clock } from '@atrium/platform';
import type { Pause } from '@atrium/kernel';
import { DEFAULT_CALENDAR } from '@atrium/kernel';
import { StoreDirectory, type KnownFloor, type KnownStore } from '../../directory/index.js';
import { DEFAULT_APPROVAL_LIMITS } from '../domain/compensation.js';
import { DEFAULT_SLA_POLICIES, type SlaPolicy } from '../domain/sla-policy.js';
import type { TicketActor } from '../domain/ticket-access.policy.js';
import { AfterSalesRepository } from '../application/after-sales.repository.js';
import { CategoryRepository } from '../application/category.repository.js';
import { PatternDetector } from '../application/commands/pattern-detector.js';
import { OpenTicketUseCase } from '../application/commands/open-ticket/open-ticket.usecase.js';
import { CompensationRepository, type PostingAnswer } from '../application/compensation.repository.js';
import { MemberTierRepository } from '../application/member-tier.repository.js';
import { SettingsRepository } from '../application/settings.repository.js';
import { SlaClock } from '../application/sla-clock.js';
import { DeadlineRepository } from '../application/sla-deadline.repository.js';
import { PauseRepository } from '../application/sla-pause.repository.js';
import { SlaPolicyRepository } from '../application/sla-policy.repository.js';
import { TicketJournal } from '../application/ticket-journal.repository.js';
import type {
  AfterSalesRow,
  CompensationRow,
  DeadlineRow,
  HistoryRow,
  NoteRow,
  SettingsChange,
  TicketCategory,
  TicketRecord,
  TicketSettings,
} from '../application/ticket-record.js';
import { TicketRepository, type TicketListFilter } from '../application/ticket.repository.js';
import { TicketViewBuilder } from '../application/ticket-view.js';
import { TicketWork } from '../application/ticket-work.js';

const copy = <T>(v: T): T => structuredClone(v);
const ACTIVE = ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PROPOSED', 'REOPENED'];

/** Monday 2 March 2026, 10:00 in Asia/Shanghai: the mall has just opened. */
export const FIXED_NOW = new Date('2026-03-02T02:00:00.000Z');

export class FixedClock implements Clock {
  constructor(public at: Date = FIXED_NOW) {}
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export class InMemoryTickets extends TicketRepository {
  readonly rows = new Map<string, TicketRecord>();
  private readonly days = new Map<string, number>();

  async nextDaySequence(day: string): Promise<number> {
    const next = (this.days.get(day) ?? 0) + 1;
    this.days.set(day, next);
    return next;
  }
  async insert(t: TicketRecord): Promise<void> {
    if (this.rows.has(t.id)) throw new Error(`ticket ${t.id} exists`);
    this.rows.set(t.id, copy(t));
  }
  async update(t: TicketRecord): Promise<void> {
    this.rows.set(t.id, copy(t));
  }
  async findByNumber(number: string): Promise<TicketRecord | null> {
    const t = [...this.rows.values()].find((r) => r.number === number);
    return t ? copy(t) : null;
  }
  async tryLockById(id: string): Promise<TicketRecord | null> {
    const t = this.rows.get(id);
    return t ? copy(t) : null;
  }
  async lockTicketsBehindCalendar(version: number, limit: number): Promise<TicketRecord[]> {
    return [...this.rows.values()]
      .filter((t) => ACTIVE.includes(t.status) && t.calendarVersion < version)
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(copy);
  }
  async anyTicketBehindCalendar(version: number): Promise<boolean> {
    return [...this.rows.values()].some((t) => ACTIVE.includes(t.status) && t.calendarVersion < version);
  }
  async list(f: TicketListFilter, limit: number): Promise<TicketRecord[]> {
    const due = (t: TicketRecord) => t.nextDueAt?.getTime() ?? Infinity;
    return [...this.rows.values()]
      .filter(
        (t) =>
          (f.ownMemberId === undefined || t.memberId === f.ownMemberId) &&
          (f.tenantId === undefined || t.tenantId === f.tenantId) &&
          (!f.statuses?.length || f.statuses.includes(t.status)) &&
          (!f.levels?.length || f.levels.includes(t.level)) &&
          (!f.department || t.department === f.department) &&
          (!f.assigneeId || t.assigneeId === f.assigneeId) &&
          (!f.storeId || t.storeId === f.storeId) &&
          (!f.category || t.category === f.category) &&
          (!f.memberId || t.memberId === f.memberId) &&
          (!f.vip || f.vip.is === (t.memberTier !== null && f.vip.tiers.includes(t.memberTier))) &&
          (!f.slaStates?.length || f.slaStates.includes(t.slaState)) &&
          (!f.after ||
            (f.after.nextDueAt === null
              ? t.nextDueAt === null && t.number > f.after.number
              : due(t) > Date.parse(f.after.nextDueAt) ||
                (due(t) === Date.parse(f.after.nextDueAt) && t.number > f.after.number))),
      )
      .sort((a, b) => due(a) - due(b) || a.number.localeCompare(b.number))
      .slice(0, limit)
      .map(copy);
  }
  async lockRecentOfStoreCategory(storeId: string, category: string, now: Date, windowDays: number) {
    const since = now.getTime() - windowDays * 24 * 3600 * 1000;
    return [...this.rows.values()]
      .filter((t) => t.storeId === storeId && t.category === category && t.openedAt.getTime() > since)
      .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id))
      .map((t) => t.id);
  }
}

export class InMemoryJournal extends TicketJournal {
  readonly historyRows = new Map<string, HistoryRow[]>();
  readonly noteRows = new Map<string, NoteRow[]>();
  async addHistory(ticketId: string, h: HistoryRow): Promise<void> {
    this.historyRows.set(ticketId, [...(this.historyRows.get(ticketId) ?? []), copy(h)]);
  }
  async history(ticketId: string): Promise<HistoryRow[]> {
    return copy(this.historyRows.get(ticketId) ?? []);
  }
  async addNote(ticketId: string, n: NoteRow): Promise<void> {
    this.noteRows.set(ticketId, [...(this.noteRows.get(ticketId) ?? []), copy(n)]);
  }
  async notes(ticketId: string): Promise<NoteRow[]> {
    return copy(this.noteRows.get(ticketId) ?? []);
  }
  /** The actions of a ticket's history, in order. */
  actions(ticketId: string): string[] {
    return (this.historyRows.get(ticketId) ?? []).map((h) => h.action);
  }
}

export class InMemoryDeadlines extends DeadlineRepository {
  readonly rows: (DeadlineRow & { state: 'PENDING' | 'FIRED' | 'CANCELLED'; by: string | null })[] = [];
  private seq = 0;
  async cancelPending(ticketId: string): Promise<void> {
    for (const r of this.rows) if (r.ticketId === ticketId && r.state === 'PENDING') r.state = 'CANCELLED';
  }
  async fired(ticketId: string, cycle: number): Promise<Set<string>> {
    return new Set(
      this.rows
        .filter((r) => r.ticketId === ticketId && r.cycle === cycle && r.state === 'FIRED')
        .map((r) => `${r.target}:${r.kind}`),
    );
  }
  async add(row: Omit<DeadlineRow, 'id'>): Promise<void> {
    this.seq += 1;
    this.rows.push({ ...copy(row), id: `deadline-${this.seq}`, state: 'PENDING', by: null });
  }
  async claimDue(now: Date, exclude: readonly string[]): Promise<DeadlineRow | null> {
    const due = this.rows
      .filter((r) => r.state === 'PENDING' && r.dueAt <= now && !exclude.includes(r.id))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    if (!due) return null;
    const { state: _state, by: _by, ...row } = due;
    return copy(row);
  }
  async mark(id: string, state: 'FIRED' | 'CANCELLED', by: string): Promise<void> {
    const r = this.rows.find((x) => x.id === id)!;
    r.state = state;
    r.by = by;
  }
  pending(ticketId: string): string[] {
    return this.rows
      .filter((r) => r.ticketId === ticketId && r.state === 'PENDING')
      .map((r) => `${r.target}:${r.kind}@${r.dueAt.toISOString()}`);
  }
}

export class InMemoryPauses extends PauseRepository {
  readonly rows = new Map<string, (Pause & { reason: string })[]>();
  async ofTicket(ticketId: string): Promise<Pause[]> {
    return (this.rows.get(ticketId) ?? []).map(({ start, end }) => ({ start, end }));
  }
  async start(ticketId: string, at: Date, reason: string): Promise<void> {
    this.rows.set(ticketId, [...(this.rows.get(ticketId) ?? []), { start: at.getTime(), end: null, reason }]);
  }
  async end(ticketId: string, at: Date): Promise<void> {
    for (const p of this.rows.get(ticketId) ?? [])
      if (p.end === null) p.end = Math.max(at.getTime(), p.start);
  }
}

export class InMemoryCompensations extends CompensationRepository {
  readonly rows: CompensationRow[] = [];
  async add(c: CompensationRow): Promise<void> {
    this.rows.push(copy(c));
  }
  async update(c: CompensationRow): Promise<void> {
    const i = this.rows.findIndex((r) => r.id === c.id);
    const was = this.rows[i]!;
    this.rows[i] = {
      ...was,
      status: c.status,
      approvedBy: c.approvedBy,
      grantedAt: c.grantedAt,
      postedAt: c.postedAt,
      posting: c.posting,
    };
  }
  async settlePosting(a: PostingAnswer): Promise<{ ticketId: string } | null> {
    const r = this.rows.find((x) => x.id === a.compensationId && x.posting === 'PENDING');
    if (!r) return null;
    r.posting = a.outcome;
    r.postedAt = a.outcome === 'POSTED' ? a.postedAt : null;
    r.ledgerEntryId = a.ledgerEntryId;
    r.creditedMemberId = a.creditedMemberId;
    r.postingRefusal = a.refusal;
    return { ticketId: r.ticketId };
  }
  async ofTicket(ticketId: string): Promise<CompensationRow[]> {
    return copy(this.rows.filter((r) => r.ticketId === ticketId));
  }
}

export class InMemoryAfterSales extends AfterSalesRepository {
  readonly rows = new Map<string, AfterSalesRow>();
  async ofTicket(ticketId: string): Promise<AfterSalesRow | null> {
    const r = this.rows.get(ticketId);
    return r ? copy(r) : null;
  }
  async save(ticketId: string, a: AfterSalesRow): Promise<void> {
    this.rows.set(ticketId, copy(a));
  }
}

/** The settings a new tickets database starts with (as the migrations seed them). */
export function defaultSettings(): TicketSettings {
  return {
    calendar: copy({ ...DEFAULT_CALENDAR, holidays: [...DEFAULT_CALENDAR.holidays] }),
    timeZoneSource: 'ENVIRONMENT',
    reopenWindowDays: 7,
    patternThreshold: 3,
    patternWindowDays: 30,
    vipTiers: ['GOLD', 'BLACK_CARD'],
    calendarVersion: 0,
    approvalLimits: copy(DEFAULT_APPROVAL_LIMITS),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedBy: null,
  };
}

export class InMemorySettings extends SettingsRepository {
  constructor(
    public current: TicketSettings = defaultSettings(),
    private readonly environmentTimeZone = DEFAULT_CALENDAR.timeZone,
  ) {
    super();
  }
  async get(): Promise<TicketSettings> {
    return copy(this.current);
  }
  async update(change: SettingsChange, at: Date, by: string): Promise<void> {
    const s = this.current;
    if (change.timeZone !== undefined) {
      s.calendar.timeZone = change.timeZone ?? this.environmentTimeZone;
      s.timeZoneSource = change.timeZone ? 'SETTING' : 'ENVIRONMENT';
    }
    if (change.weekdays !== undefined) s.calendar.weekdays = copy(change.weekdays);
    if (change.holidays !== undefined) s.calendar.holidays = [...change.holidays];
    if (change.reopenWindowDays !== undefined) s.reopenWindowDays = change.reopenWindowDays;
    if (change.patternThreshold !== undefined) s.patternThreshold = change.patternThreshold;
    if (change.patternWindowDays !== undefined) s.patternWindowDays = change.patternWindowDays;
    if (change.vipTiers !== undefined) s.vipTiers = [...change.vipTiers];
    if (change.approvalLimits !== undefined) s.approvalLimits = copy(change.approvalLimits);
    if (change.timeZone !== undefined || change.weekdays !== undefined || change.holidays !== undefined) {
      s.calendarVersion += 1;
    }
    s.updatedAt = at;
    s.updatedBy = by;
  }
}

/** Part of the taxonomy the migrations seed. */
export const SEEDED_CATEGORIES: TicketCategory[] = [
  {
    code: 'PRODUCT_QUALITY',
    name: 'Product quality',
    nameZh: '商品质量',
    department: 'TENANT_STORE',
    position: 10,
    active: true,
  },
  { code: 'PARKING', name: 'Parking', nameZh: '停车', department: 'OPERATIONS', position: 40, active: true },
  { code: 'REPAIR', name: 'Repair', nameZh: '维修', department: 'TENANT_STORE', position: 100, active: true },
  {
    code: 'OTHER',
    name: 'Other',
    nameZh: '其他',
    department: 'CUSTOMER_SERVICE',
    position: 120,
    active: true,
  },
];

export class InMemoryCategories extends CategoryRepository {
  readonly rows = new Map<string, TicketCategory>(SEEDED_CATEGORIES.map((c) => [c.code, copy(c)]));
  async list(includeInactive: boolean): Promise<TicketCategory[]> {
    return [...this.rows.values()]
      .filter((c) => includeInactive || c.active)
      .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
      .map(copy);
  }
  async get(code: string): Promise<TicketCategory | null> {
    const c = this.rows.get(code);
    return c ? copy(c) : null;
  }
  async upsert(c: TicketCategory): Promise<void> {
    this.rows.set(c.code, copy(c));
  }
}

export class InMemoryPolicies extends SlaPolicyRepository {
  readonly rows = new Map<string, SlaPolicy>(DEFAULT_SLA_POLICIES.map((p) => [p.code, copy(p)]));
  async list(): Promise<SlaPolicy[]> {
    return [...this.rows.values()]
      .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
      .map(copy);
  }
  async get(code: string): Promise<SlaPolicy | null> {
    const p = this.rows.get(code);
    return p ? copy(p) : null;
  }
  async upsert(p: SlaPolicy): Promise<void> {
    this.rows.set(p.code, copy(p));
  }
}

export class InMemoryMemberTiers extends MemberTierRepository {
  readonly rows = new Map<string, { tier: string; changedAt: Date }>();
  async tierOf(memberId: string): Promise<string | null> {
    return this.rows.get(memberId)?.tier ?? null;
  }
  async save(memberId: string, tier: string, changedAt: Date): Promise<void> {
    const was = this.rows.get(memberId);
    if (!was || was.changedAt <= changedAt) this.rows.set(memberId, { tier, changedAt });
  }
}

/** The floors and the store every harness starts with: store-1 (tenant-1) on L1. */
export const SPEC_FLOORS: KnownFloor[] = [
  { id: 'floor-b1', mallId: 'mall-1', code: 'B1', name: 'Basement 1', level: -1, version: 1 },
  { id: 'floor-l1', mallId: 'mall-1', code: 'L1', name: 'Level 1', level: 1, version: 1 },
  { id: 'floor-l2', mallId: 'mall-1', code: 'L2', name: 'Level 2', level: 2, version: 1 },
];
export const SPEC_STORE: KnownStore = {
  id: 'store-1',
  mallId: 'mall-1',
  tenantId: 'tenant-1',
  floorId: 'floor-l1',
  floorCode: 'L1',
  unit: 'L1-01',
  name: 'Store one',
  category: 'JEWELRY',
  active: true,
  version: 1,
};

/** The directory read model as two maps; a store's floor code is looked up as the SQL join does. */
export class InMemoryStoreDirectory extends StoreDirectory {
  readonly floors = new Map<string, KnownFloor>(SPEC_FLOORS.map((f) => [f.id, copy(f)]));
  readonly stores = new Map<string, Omit<KnownStore, 'floorCode'>>([[SPEC_STORE.id, copy(SPEC_STORE)]]);
  /** Adds or replaces a store (open, on L1, unless told otherwise). */
  addStore(store: Partial<Omit<KnownStore, 'floorCode'>> & { id: string }): void {
    const { floorCode: _code, ...base } = SPEC_STORE;
    this.stores.set(store.id, { ...base, ...store });
  }
  async findStore(storeId: string): Promise<KnownStore | null> {
    const s = this.stores.get(storeId);
    return s ? { ...copy(s), floorCode: this.floors.get(s.floorId)?.code ?? null } : null;
  }
  async findFloor(code: string): Promise<KnownFloor | null> {
    const f = [...this.floors.values()].filter((x) => x.code === code).sort((a, b) => a.level - b.level)[0];
    return f ? copy(f) : null;
  }
}

/** The outbox as a list; each payload is checked against its contract as the real writer does. */
export class FakeOutbox {
  readonly messages: { type: string; payload: Record<string, unknown>; key: string }[] = [];
  async add<E extends EventContract>(event: E, payload: EventPayload<E>, key: string): Promise<string> {
    this.messages.push({
      type: event.type,
      payload: event.schema.parse(payload) as Record<string, unknown>,
      key,
    });
    return `message-${this.messages.length}`;
  }
  types(): string[] {
    return this.messages.map((m) => m.type);
  }
  of(event: EventContract): Record<string, unknown>[] {
    return this.messages.filter((m) => m.type === event.type).map((m) => m.payload);
  }
}

/** Runs the work at once, as if in a transaction. */
export const directTransactions = {
  run: <T>(work: (manager: never) => Promise<T>) => work(undefined as never),
} as unknown as TransactionHost;

export const staff = (roles: string[] = ['FRONTLINE'], id = 'staff-frontline'): TicketActor => ({
  kind: 'staff',
  id,
  tenantId: null,
  roles,
  scopes: [],
});
export const member = (id = '0190a000-0000-7000-8000-000000000001'): TicketActor => ({
  kind: 'member',
  id,
  tenantId: null,
  roles: [],
  scopes: [],
});
export const partner = (tenantId: string, scopes = ['tickets:read', 'tickets:write']): TicketActor => ({
  kind: 'partner',
  id: `key-${tenantId}`,
  tenantId,
  roles: [],
  scopes,
});
export const anonymous: TicketActor = {
  kind: 'anonymous',
  id: 'anonymous',
  tenantId: null,
  roles: [],
  scopes: [],
};

/** A request as the transport hands it over: validated, defaults applied. */
export const request = <O extends OperationContract>(op: O, input: unknown): ValidatedRequest<O> =>
  op.request.parse(input) as ValidatedRequest<O>;

/** Every port in memory, the application services over them, and helpers to open tickets. */
export function ticketsHarness() {
  const clock = new FixedClock();
  const tickets = new InMemoryTickets();
  const journal = new InMemoryJournal();
  const deadlines = new InMemoryDeadlines();
  const pauses = new InMemoryPauses();
  const compensations = new InMemoryCompensations();
  const afterSales = new InMemoryAfterSales();
  const settings = new InMemorySettings();
  const categories = new InMemoryCategories();
  const policies = new InMemoryPolicies();
  const memberTiers = new InMemoryMemberTiers();
  const directory = new InMemoryStoreDirectory();
  const fakeOutbox = new FakeOutbox();
  const outbox = fakeOutbox as unknown as OutboxWriter;
  const sla = new SlaClock(pauses, policies, deadlines);
  const views = new TicketViewBuilder(journal, compensations, afterSales);
  const work = new TicketWork(
    directTransactions,
    tickets,
    journal,
    pauses,
    settings,
    outbox,
    sla,
    views,
    clock,
  );
  const patterns = new PatternDetector(tickets, outbox);
  const opener = new OpenTicketUseCase(
    directTransactions,
    tickets,
    afterSales,
    settings,
    categories,
    policies,
    memberTiers,
    work,
    views,
    outbox,
    patterns,
    directory,
    clock,
  );
  return {
    clock,
    tickets,
    journal,
    deadlines,
    pauses,
    compensations,
    afterSales,
    settings,
    categories,
    policies,
    memberTiers,
    directory,
    outbox,
    fakeOutbox,
    sla,
    views,
    work,
    patterns,
    opener,
    /** Opens a ticket as `actor` (a member on the app about parking, unless told otherwise). */
    open: (input: Record<string, unknown> = {}, actor: TicketActor = member()) =>
      opener.execute(
        actor,
        request(openTicketOp, {
          channel: 'APP',
          category: 'PARKING',
          description: 'No free spaces.',
          ...input,
        }),
      ),
    /** The stored ticket of a number. */
    stored: async (number: string) => (await tickets.findByNumber(number))!,
  };
}

export type TicketsHarness = ReturnType<typeof ticketsHarness>;
