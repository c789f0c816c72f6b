import { OmitType } from '@nestjs/swagger';
import { CreateBuildingDto, CreateUnitDto, UnitHistoryMessageDto } from '@quartier/contracts-portfolio';

/** PUT bodies: the create shape without the parent, which a replace cannot move. */
export class ReplaceBuildingDto extends OmitType(CreateBuildingDto, ['propertyId'] as const) {}
export class ReplaceUnitDto extends OmitType(CreateUnitDto, ['buildingId'] as const) {}

/** `?page=&size=` of the unit history (newest first, no sort). */
export class UnitHistoryQueryDto extends OmitType(UnitHistoryMessageDto, ['id'] as const) {}
