import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { BoardIdRequest, BoardOperations, BoardQueryDto, BoardView, CreateBoardDto, DeletedView, UpdateBoardRequest } from '@quartier/contracts-workorders';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { BoardService } from './board.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class BoardController {
  constructor(private readonly boards: BoardService) {}

  @HandlesOperation(BoardOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: BoardQueryDto): Promise<Page<BoardView>> {
    return this.boards.list(caller, query);
  }

  @HandlesOperation(BoardOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: BoardIdRequest): Promise<BoardView> {
    return this.boards.get(caller, request.id);
  }

  @HandlesOperation(BoardOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateBoardDto): Promise<BoardView> {
    return this.boards.create(caller, dto);
  }

  @HandlesOperation(BoardOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateBoardRequest): Promise<BoardView> {
    return this.boards.update(caller, request);
  }

  @HandlesOperation(BoardOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: BoardIdRequest): Promise<DeletedView> {
    await this.boards.delete(caller, request.id);
    return { deleted: true };
  }
}
