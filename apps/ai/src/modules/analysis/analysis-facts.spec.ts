import { OverdueChargeView, PaymentView, TenantView } from '@quartier/contracts-leasing';
import { PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import { WorkOrderView } from '@quartier/contracts-workorders';
import { propertyFacts, tenantFacts } from './analysis-facts';
import { buildAnalysisMessages } from './analysis-prompt';

const property = { name: 'Altbau Mitte', type: 'apartment_building', status: 'active', address: { city: 'Berlin' }, yearBuilt: 1905 } as PropertyResponse;
const unit = (number: string, status: string, cents?: number) =>
  ({ number, status, targetRent: cents === undefined ? null : { amountCents: cents, currency: 'EUR' } }) as UnitResponse;
const order = (title: string, priority: string, slaBreached: boolean) => ({ title, priority, slaBreached }) as WorkOrderView;

describe('analysis facts', () => {
  it('sums up occupancy, vacant rent potential and open maintenance of a property', () => {
    const facts = propertyFacts(
      property,
      [unit('1.01', 'occupied', 90000), unit('1.02', 'vacant', 85000), unit('2.01', 'vacant'), unit('2.02', 'maintenance', 70000)],
      [order('Leak', 'emergency', true), order('Paint', 'low', false)],
    );
    expect(facts).toEqual({
      name: 'Altbau Mitte',
      type: 'apartment_building',
      status: 'active',
      city: 'Berlin',
      yearBuilt: 1905,
      units: 4,
      unitsByStatus: { occupied: 1, vacant: 2, maintenance: 1 },
      vacancyRatePercent: 50,
      vacantUnits: ['1.02', '2.01'],
      monthlyTargetRentOfVacantUnits: ['850.00 EUR'],
      openWorkOrders: 2,
      urgentWorkOrders: 1,
      workOrdersPastDue: 1,
      openWorkOrderTitles: ['Leak', 'Paint'],
    });
  });

  it('leaves out what could not be read', () => {
    expect(Object.keys(propertyFacts(property))).toEqual(['name', 'type', 'status', 'city', 'yearBuilt']);
  });

  it("nets refunds, ignores pending and failed payments and counts only the tenant's own overdue charges", () => {
    const tenant = { id: 't1', firstName: 'Lena', lastName: 'Hoffmann', companyName: null, status: 'active', createdAt: '2025-03-01T10:00:00.000Z' } as TenantView;
    const payment = (amountCents: number, refundedCents: number, status: string, paidOn: string) =>
      ({ amountCents, refundedCents, status, paidOn, currency: 'EUR' }) as PaymentView;
    const charge = (tenantId: string, outstandingCents: number, daysOverdue: number) => ({ tenantId, outstandingCents, daysOverdue, currency: 'EUR' }) as OverdueChargeView;
    const facts = tenantFacts(
      tenant,
      [payment(90000, 0, 'completed', '2026-10-03'), payment(90000, 10000, 'partially_refunded', '2026-11-04'), payment(90000, 0, 'failed', '2026-12-01'), payment(5000, 0, 'pending', '2026-12-02')],
      [charge('t1', 90000, 33), charge('t2', 50000, 90)],
    );
    expect(facts).toEqual({
      name: 'Lena Hoffmann',
      status: 'active',
      tenantSince: '2025-03-01',
      payments: 2,
      paidTotal: ['1700.00 EUR'],
      lastPaymentOn: '2026-11-04',
      overdueCharges: 1,
      overdueTotal: ['900.00 EUR'],
      longestDaysOverdue: 33,
    });
  });
});

describe('analysis prompt', () => {
  it('hands the model the figures as JSON and names what it could not see', () => {
    const [system, user] = buildAnalysisMessages('tenant', { overdueCharges: 1 }, ['payments']);
    expect(system.content).toContain('one of its tenants');
    expect(system.content).toContain('Not available to you: payments; do not guess them.');
    expect(user).toEqual({ role: 'user', content: '{"overdueCharges":1}' });
    expect(buildAnalysisMessages('property', {}, [])[0].content).not.toContain('Not available');
  });
});
