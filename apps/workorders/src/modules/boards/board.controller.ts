import { Controller, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { BoardIdRequest, BoardQueryDto, BoardSubjects, BoardView, CreateBoardDto, UpdateBoardRequest } from '@quartier/contracts-workorders';
import { CurrentCaller, StaffOnlyGuard } from '@quartier/messaging';
import { BoardService } from './board.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class BoardController {
  constructor(private readonly boards: BoardService) {}

  @MessagePattern(BoardSubjects.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: BoardQueryDto): Promise<Page<BoardView>> {
    return this.boards.list(caller, query);
  }

  @MessagePattern(BoardSubjects.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: BoardIdRequest): Promise<BoardView> {
    return this.boards.get(caller, request.id);
  }

  @MessagePattern(BoardSubjects.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateBoardDto): Promise<BoardView> {
    return this.boards.create(caller, dto);
  }

  @MessagePattern(BoardSubjects.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateBoardRequest): Promise<BoardView> {
    return this.boards.update(caller, request);
  }

  @MessagePattern(BoardSubjects.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: BoardIdRequest): Promise<{ deleted: true }> {
    await this.boards.delete(caller, request.id);
    return { deleted: true };
  }
}
