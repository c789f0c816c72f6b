import { Module } from '@nestjs/common';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';
import { TaskBoardService } from './task-board.service';
import { TaskController } from './task.controller';
import { TaskItemsService } from './task-items.service';
import { TaskService } from './task.service';

@Module({
  controllers: [BoardController, TaskController],
  providers: [BoardService, TaskService, TaskBoardService, TaskItemsService],
})
export class BoardsModule {}
