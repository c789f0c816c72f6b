import { BuildingEntity } from './modules/buildings/building.entity';
import { PropertyEntity } from './modules/properties/property.entity';
import { UnitStatusHistoryEntity } from './modules/units/unit-status-history.entity';
import { UnitEntity } from './modules/units/unit.entity';

export const PORTFOLIO_SCHEMA = 'portfolio';

export const PORTFOLIO_ENTITIES = [PropertyEntity, BuildingEntity, UnitEntity, UnitStatusHistoryEntity];
