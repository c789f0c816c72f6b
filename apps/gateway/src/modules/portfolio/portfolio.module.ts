import { Module } from '@nestjs/common';
import { BuildingOperations, PropertyOperations, UnitOperations } from '@quartier/contracts-portfolio';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';

/*
 * /api/v1 routes of the portfolio service (properties, buildings, units), generated from its
 * operation descriptors. The controller and route names keep the operationIds clients already use.
 */
const PropertiesController = operationController('PropertiesController', {
  list: PropertyOperations.list,
  create: PropertyOperations.create,
  get: PropertyOperations.get,
  replace: PropertyOperations.replace,
  update: PropertyOperations.update,
  remove: PropertyOperations.delete,
});

const BuildingsController = operationController('BuildingsController', {
  list: BuildingOperations.list,
  create: BuildingOperations.create,
  get: BuildingOperations.get,
  replace: BuildingOperations.replace,
  update: BuildingOperations.update,
  remove: BuildingOperations.delete,
});

const UnitsController = operationController('UnitsController', {
  list: UnitOperations.list,
  available: UnitOperations.available,
  create: UnitOperations.create,
  get: UnitOperations.get,
  history: UnitOperations.history,
  replace: UnitOperations.replace,
  update: UnitOperations.update,
  changeStatus: UnitOperations.changeStatus,
  remove: UnitOperations.delete,
});

@Module({ controllers: [PropertiesController, BuildingsController, UnitsController], providers: [OperationClient] })
export class PortfolioRoutesModule {}
