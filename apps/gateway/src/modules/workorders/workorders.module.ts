import { Module } from '@nestjs/common';
import { BoardsController } from './boards.controller';
import { ContractorsController } from './contractors.controller';
import { TasksController } from './tasks.controller';
import { WorkOrdersController } from './workorders.controller';

/** /api/v1 routes of the workorders service: work orders, contractors, kanban boards and tasks. */
@Module({ controllers: [WorkOrdersController, ContractorsController, BoardsController, TasksController] })
export class WorkOrdersRoutesModule {}
