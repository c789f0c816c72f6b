import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateLeaseDto } from './lease.dto';
import { RecordPaymentDto } from './payment.dto';

async function invalidFields<T extends object>(type: new () => T, body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true });
  const fields = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((error) => [...(error.constraints ? [`${parent}${error.property}`] : []), ...fields(error.children ?? [], `${parent}${error.property}.`)]);
  return fields(errors);
}

describe('leasing DTOs', () => {
  const lease = {
    unitId: '9b2f4c1e-8a43-4d8e-9c61-1a1b6f1d2c3e',
    tenantId: '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e',
    startDate: '2026-01-01',
    coldRentCents: 90_000,
  };

  it('accepts a lease with graduated steps and rejects bad dates, money and due days', async () => {
    expect(await invalidFields(CreateLeaseDto, { ...lease, rentSteps: [{ effectiveFrom: '2027-01-01', coldRentCents: 95_000 }] })).toEqual([]);
    const invalid = await invalidFields(CreateLeaseDto, {
      ...lease,
      startDate: '01.01.2026',
      coldRentCents: 900.5,
      dueDay: 31,
      currency: 'eur',
      rentSteps: [{ effectiveFrom: 'soon', coldRentCents: -1 }],
    });
    expect(invalid.sort()).toEqual(['coldRentCents', 'currency', 'dueDay', 'rentSteps.0.coldRentCents', 'rentSteps.0.effectiveFrom', 'startDate']);
  });

  it('refuses dates that do not exist in the calendar', async () => {
    expect(await invalidFields(CreateLeaseDto, { ...lease, startDate: '2026-02-30' })).toEqual(['startDate']);
    expect(await invalidFields(CreateLeaseDto, { ...lease, startDate: '2028-02-29' })).toEqual([]);
  });

  it('needs a positive integer amount, a known method and an ISO date for a payment', async () => {
    expect(await invalidFields(RecordPaymentDto, { tenantId: lease.tenantId, amountCents: 0, method: 'bitcoin', paidOn: '2026-13' })).toEqual([
      'amountCents',
      'method',
      'paidOn',
    ]);
  });
});
