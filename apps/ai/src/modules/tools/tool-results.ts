import { UnitResponse, PropertyResponse } from '@quartier/contracts-portfolio';
import { OverdueChargeView } from '@quartier/contracts-leasing';
import { WorkOrderView } from '@quartier/contracts-workorders';
import { Page } from '@quartier/contracts-shared';

/** The few fields of each record the model needs, so tool results stay small in the prompt. */
export function summarizeProperties(page: Page<PropertyResponse>): object {
  return {
    total: page.total,
    items: page.items.map((property) => ({ id: property.id, name: property.name, status: property.status, city: property.address.city })),
  };
}

export function summarizeUnits(page: Page<UnitResponse>): object {
  return {
    total: page.total,
    items: page.items.map((unit) => ({
      id: unit.id,
      number: unit.number,
      propertyId: unit.propertyId,
      status: unit.status,
      area: unit.area,
      rooms: unit.rooms,
      targetRent: unit.targetRent ? `${(unit.targetRent.amountCents / 100).toFixed(2)} ${unit.targetRent.currency}` : null,
    })),
  };
}

export function summarizeOverdue(page: Page<OverdueChargeView>): object {
  return {
    total: page.total,
    items: page.items.map((charge) => ({
      leaseId: charge.leaseId,
      tenantId: charge.tenantId,
      kind: charge.kind,
      dueDate: charge.dueDate,
      daysOverdue: charge.daysOverdue,
      outstanding: `${(charge.outstandingCents / 100).toFixed(2)} ${charge.currency}`,
    })),
  };
}

export function summarizeWorkOrders(items: WorkOrderView[], total: number): object {
  return {
    total,
    items: items.map((order) => ({
      id: order.id,
      title: order.title,
      status: order.status,
      priority: order.priority,
      unitId: order.unitId,
      dueAt: order.dueAt,
      slaBreached: order.slaBreached,
    })),
  };
}
