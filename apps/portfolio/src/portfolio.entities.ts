import { BuildingEntity } from './modules/buildings/building.entity';
import { DOCUMENT_ENTITIES } from './modules/documents/documents.entities';
import { ContactActivityEntity } from './modules/contacts/activities/contact-activity.entity';
import { ContactEntity } from './modules/contacts/contacts/contact.entity';
import { PropertyEntity } from './modules/properties/property.entity';
import { UnitStatusHistoryEntity } from './modules/units/unit-status-history.entity';
import { UnitEntity } from './modules/units/unit.entity';

export const PORTFOLIO_SCHEMA = 'portfolio';

export const PORTFOLIO_ENTITIES = [PropertyEntity, BuildingEntity, UnitEntity, UnitStatusHistoryEntity, ContactEntity, ContactActivityEntity, ...DOCUMENT_ENTITIES];
