import { ContactActivityResponse } from '@quartier/contracts-portfolio';
import { ContactActivityEntity } from './contact-activity.entity';

export function toActivityResponse(entity: ContactActivityEntity): ContactActivityResponse {
  return {
    id: entity.id,
    contactId: entity.contactId,
    type: entity.type,
    occurredAt: entity.occurredAt.toISOString(),
    summary: entity.summary,
    outcome: entity.outcome,
    propertyId: entity.propertyId,
    unitId: entity.unitId,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
  };
}
