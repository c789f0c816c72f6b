import { Module } from '@nestjs/common';
import { BoardOperations, ContractorOperations, TaskOperations, WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { TasksController } from './tasks.controller';
import { WorkOrdersController } from './workorders.controller';

/**
 * /api/v1 routes of the workorders service (work orders, contractors, kanban boards and tasks),
 * generated from its operation descriptors. The route names keep the operationIds clients
 * already use; the routes the factory cannot express are written by hand beside them under the
 * same controller names (workorders.controller.ts, tasks.controller.ts), each saying why.
 */
const WorkOrderRoutes = operationController('WorkOrdersController', {
  list: WorkOrderOperations.list,
  create: WorkOrderOperations.create,
  urgent: WorkOrderOperations.urgent,
  stats: WorkOrderOperations.stats,
  byUnit: WorkOrderOperations.byUnit,
  get: WorkOrderOperations.get,
  replace: WorkOrderOperations.replace,
  update: WorkOrderOperations.update,
  remove: WorkOrderOperations.delete,
  assign: WorkOrderOperations.assign,
  start: WorkOrderOperations.start,
  complete: WorkOrderOperations.complete,
  cancel: WorkOrderOperations.cancel,
  comment: WorkOrderOperations.comment,
  addTask: WorkOrderOperations.addTask,
  addMaterial: WorkOrderOperations.addMaterial,
});

const ContractorRoutes = operationController('ContractorsController', {
  list: ContractorOperations.list,
  create: ContractorOperations.create,
  get: ContractorOperations.get,
  workOrders: ContractorOperations.workOrders,
  replace: ContractorOperations.replace,
  update: ContractorOperations.update,
  remove: ContractorOperations.delete,
});

const BoardRoutes = operationController('BoardsController', {
  list: BoardOperations.list,
  create: BoardOperations.create,
  get: BoardOperations.get,
  replace: BoardOperations.replace,
  update: BoardOperations.update,
  remove: BoardOperations.delete,
});

const TaskRoutes = operationController('TasksController', {
  list: TaskOperations.list,
  create: TaskOperations.create,
  statistics: TaskOperations.statistics,
  get: TaskOperations.get,
  replace: TaskOperations.replace,
  update: TaskOperations.update,
  remove: TaskOperations.delete,
  move: TaskOperations.move,
  addSubtask: TaskOperations.addSubtask,
  comment: TaskOperations.comment,
  comments: TaskOperations.comments,
});

@Module({
  controllers: [WorkOrderRoutes, WorkOrdersController, ContractorRoutes, BoardRoutes, TaskRoutes, TasksController],
  providers: [OperationClient],
})
export class WorkOrdersRoutesModule {}
