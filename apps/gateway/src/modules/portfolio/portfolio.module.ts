import { Module } from '@nestjs/common';
import { BuildingsController } from './buildings.controller';
import { PropertiesController } from './properties.controller';
import { UnitsController } from './units.controller';

/** /api/v1 routes of the portfolio service; the pattern for every domain route module. */
@Module({ controllers: [PropertiesController, BuildingsController, UnitsController] })
export class PortfolioRoutesModule {}
