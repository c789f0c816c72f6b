import { addDays, daysInMonth, maxDate, minDate, monthEnd, monthStart, nextMonthStart, toDayNumber } from '../shared/iso-date';

/** The parts of a lease the rent schedule depends on. Amounts are monthly, in cents. */
export interface RentTerms {
  startDate: string;
  /** Last day rent is owed (end date or termination date); null when open-ended. */
  endDate: string | null;
  coldRentCents: number;
  serviceChargeCents: number;
  heatingCents: number;
  dueDay: number;
  /** Graduated or index-linked cold rent from a date on. */
  rentSteps: { effectiveFrom: string; coldRentCents: number }[];
}

export interface ScheduledCharge {
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  amountCents: number;
}

/** The full monthly rent (cold rent of the step in force + advances) on a given day. */
export function monthlyRentOn(terms: RentTerms, date: string): number {
  let cold = terms.coldRentCents;
  let latest = '';
  for (const step of terms.rentSteps) {
    if (step.effectiveFrom <= date && step.effectiveFrom >= latest) {
      cold = step.coldRentCents;
      latest = step.effectiveFrom;
    }
  }
  return cold + terms.serviceChargeCents + terms.heatingCents;
}

/** The most the terms can charge for one month: the highest cold rent of any step plus the advances. */
export function highestMonthlyRentCents(terms: Pick<RentTerms, 'coldRentCents' | 'serviceChargeCents' | 'heatingCents' | 'rentSteps'>): number {
  return Math.max(terms.coldRentCents, ...terms.rentSteps.map((step) => step.coldRentCents)) + terms.serviceChargeCents + terms.heatingCents;
}

/**
 * The charge for the month starting at `month` (YYYY-MM-01), or null when the lease does not
 * cover any day of it. A partial month (move-in, move-out, or a step taking effect mid-month) is
 * prorated by days in that month: each day costs the monthly rent in force that day / days in month.
 */
export function chargeForMonth(terms: RentTerms, month: string): ScheduledCharge | null {
  const lastOfMonth = monthEnd(month);
  const from = maxDate(month, terms.startDate);
  const to = terms.endDate === null ? lastOfMonth : minDate(lastOfMonth, terms.endDate);
  if (from > to) return null;
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  let amount: number;
  const stepInside = terms.rentSteps.some((step) => step.effectiveFrom > from && step.effectiveFrom <= to);
  if (!stepInside) {
    const covered = toDayNumber(to) - toDayNumber(from) + 1;
    const monthly = monthlyRentOn(terms, from);
    amount = covered === days ? monthly : Math.round((monthly * covered) / days);
  } else {
    let sum = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) sum += monthlyRentOn(terms, day);
    amount = Math.round(sum / days);
  }
  const due = `${month.slice(0, 8)}${String(terms.dueDay).padStart(2, '0')}`;
  return { periodStart: from, periodEnd: to, dueDate: maxDate(due, from), amountCents: amount };
}

/** Every monthly charge from the lease start up to and including the month of `asOf`. */
export function rentSchedule(terms: RentTerms, asOf: string): ScheduledCharge[] {
  const charges: ScheduledCharge[] = [];
  const last = terms.endDate === null ? asOf : minDate(asOf, terms.endDate);
  for (let month = monthStart(terms.startDate); month <= last; month = nextMonthStart(month)) {
    const charge = chargeForMonth(terms, month);
    if (charge && charge.periodStart <= asOf) charges.push(charge);
  }
  return charges;
}

export interface ExistingCharge {
  id: string;
  /** Date the charge was created (billed). */
  createdOn: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  invoiceId: string | null;
}

export interface ChargePlan {
  create: ScheduledCharge[];
  update: (ScheduledCharge & { id: string })[];
  remove: string[];
}

/** A charge that was invoiced or (partly) paid is history: the schedule never rewrites it. */
export function isLocked(charge: Pick<ExistingCharge, 'paidCents' | 'invoiceId'>): boolean {
  return charge.paidCents > 0 || charge.invoiceId !== null;
}

/**
 * What to change so the stored rent charges match the schedule: missing periods are created
 * (backfilling skipped runs), changed open periods are corrected (e.g. after a termination), and
 * open periods the lease no longer covers are removed. Locked periods stay as they are.
 * Charges are keyed by month, so running it twice changes nothing.
 */
export function planRentCharges(expected: ScheduledCharge[], existing: ExistingCharge[]): ChargePlan {
  const byMonth = new Map(existing.map((charge) => [monthStart(charge.periodStart), charge]));
  const plan: ChargePlan = { create: [], update: [], remove: [] };
  const expectedMonths = new Set<string>();
  for (const charge of expected) {
    const month = monthStart(charge.periodStart);
    expectedMonths.add(month);
    const current = byMonth.get(month);
    if (!current) {
      plan.create.push(charge);
    } else if (!isLocked(current) && differs(current, charge)) {
      plan.update.push({ ...charge, id: current.id });
    }
  }
  for (const [month, charge] of byMonth) {
    if (!expectedMonths.has(month) && !isLocked(charge)) plan.remove.push(charge.id);
  }
  return plan;
}

function differs(current: ExistingCharge, next: ScheduledCharge): boolean {
  return (
    current.amountCents !== next.amountCents ||
    current.periodStart !== next.periodStart ||
    current.periodEnd !== next.periodEnd ||
    current.dueDate !== next.dueDate
  );
}

/**
 * A charge is late once the grace days after its due date have passed and it is not fully paid.
 * A charge that was only created after that point (an existing lease entered late, months
 * backfilled) was never billed in time, so it gets no late fee.
 */
export function isLate(
  charge: { dueDate: string; amountCents: number; paidCents: number; createdOn: string },
  graceDays: number,
  asOf: string,
): boolean {
  const lateFrom = addDays(charge.dueDate, graceDays);
  return charge.paidCents < charge.amountCents && lateFrom < asOf && charge.createdOn <= lateFrom;
}
