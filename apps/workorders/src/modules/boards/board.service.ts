import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrgCaller, Page, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { BOARD_SORT_FIELDS, BoardColumnDto, BoardQueryDto, BoardView, CreateBoardDto, UpdateBoardRequest } from '@quartier/contracts-workorders';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, conflict, notFound, validationFailed } from '@quartier/messaging';
import { BoardColumnEntity, BoardEntity, TaskEntity } from './board.entity';
import { toBoardView } from './board.view';
import { DEFAULT_COLUMNS, validateColumns } from './task-move-rules';

@Injectable()
export class BoardService {
  private readonly boards: OrgScopedRepository<BoardEntity>;
  private readonly columns: OrgScopedRepository<BoardColumnEntity>;
  private readonly tasks: OrgScopedRepository<TaskEntity>;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.boards = new OrgScopedRepository(BoardEntity, dataSource.manager);
    this.columns = new OrgScopedRepository(BoardColumnEntity, dataSource.manager);
    this.tasks = new OrgScopedRepository(TaskEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: BoardQueryDto): Promise<Page<BoardView>> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, BOARD_SORT_FIELDS, 'createdAt'));
    const [rows, total] = await this.boards.findPage(caller.organizationId, { order, page, size });
    const views = await Promise.all(rows.map((board) => this.view(caller.organizationId, board)));
    return pageOf(views, total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<BoardView> {
    return this.view(caller.organizationId, await this.require(caller.organizationId, id));
  }

  async create(caller: OrgCaller, dto: CreateBoardDto): Promise<BoardView> {
    const columns = dto.columns ?? DEFAULT_COLUMNS;
    assertValidColumns(columns);
    const board = await this.dataSource.transaction(async (manager) => {
      const row = await this.boards.withManager(manager).insert(caller.organizationId, {
        name: dto.name,
        description: dto.description ?? null,
        isDefault: false,
      });
      await this.insertColumns(manager, caller.organizationId, row.id, columns);
      return row;
    });
    return this.view(caller.organizationId, board);
  }

  async update(caller: OrgCaller, request: UpdateBoardRequest): Promise<BoardView> {
    const board = await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, caller.organizationId, request.id);
      if (request.name !== undefined) row.name = request.name;
      if (request.description !== undefined) row.description = request.description;
      if (request.columns) {
        assertValidColumns(request.columns);
        const keys = request.columns.map((column) => column.key);
        const stranded: { key: string }[] = await this.tasks
          .withManager(manager)
          .query(caller.organizationId, 't')
          .select('DISTINCT t.column_key', 'key')
          .andWhere('t.board_id = :boardId', { boardId: row.id })
          .andWhere('NOT (t.column_key = ANY(:keys))', { keys })
          .getRawMany();
        if (stranded.length > 0) {
          throw conflict(`Columns ${stranded.map((s) => s.key).join(', ')} still hold tasks; move them first`, {
            columns: stranded.map((s) => s.key),
          });
        }
        await this.columns.withManager(manager).deleteWhere(caller.organizationId, { boardId: row.id });
        await this.insertColumns(manager, caller.organizationId, row.id, request.columns);
      }
      row.updatedAt = new Date();
      return this.boards.withManager(manager).save(caller.organizationId, row);
    });
    return this.view(caller.organizationId, board);
  }

  /** Deletes the board with its columns and tasks. */
  async delete(caller: OrgCaller, id: string): Promise<void> {
    if (!(await this.boards.deleteById(caller.organizationId, id))) throw notFound('Board', id);
  }

  async require(organizationId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<BoardEntity> {
    const board = await this.boards.withManager(manager).findById(organizationId, id);
    if (!board) throw notFound('Board', id);
    return board;
  }

  /** Locks the board row: moves into one board are serialized, so WIP limits hold under concurrency. */
  async lock(manager: EntityManager, organizationId: string, id: string): Promise<BoardEntity> {
    const board = await this.boards
      .withManager(manager)
      .query(organizationId, 'b')
      .andWhere('b.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!board) throw notFound('Board', id);
    return board;
  }

  columnsOf(organizationId: string, boardId: string, manager: EntityManager = this.dataSource.manager): Promise<BoardColumnEntity[]> {
    return this.columns.withManager(manager).find(organizationId, { boardId }, { position: 'ASC' });
  }

  /** The organization's default board (created on first use), for tasks filed without a board. */
  async defaultBoard(organizationId: string): Promise<BoardEntity> {
    const existing = await this.boards.findOne(organizationId, { isDefault: true });
    if (existing) return existing;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.boards.withManager(manager).insert(organizationId, { name: 'Tasks', description: null, isDefault: true });
        await this.insertColumns(manager, organizationId, row.id, DEFAULT_COLUMNS);
        return row;
      });
    } catch (error) {
      // Created concurrently by another request (unique default per organization).
      const raced = await this.boards.findOne(organizationId, { isDefault: true });
      if (raced) return raced;
      throw error;
    }
  }

  private async insertColumns(manager: EntityManager, organizationId: string, boardId: string, columns: readonly BoardColumnDto[]): Promise<void> {
    const repository = this.columns.withManager(manager);
    for (const [position, column] of columns.entries()) {
      await repository.insert(organizationId, {
        boardId,
        key: column.key,
        name: column.name,
        position,
        wipLimit: column.wipLimit ?? null,
        terminal: column.terminal ?? false,
        allowedFrom: column.allowedFrom ?? null,
      });
    }
  }

  private async view(organizationId: string, board: BoardEntity): Promise<BoardView> {
    const columns = await this.columnsOf(organizationId, board.id);
    const counts: { key: string; count: string }[] = await this.tasks
      .query(organizationId, 't')
      .select('t.column_key', 'key')
      .addSelect('count(*)', 'count')
      .andWhere('t.board_id = :boardId', { boardId: board.id })
      .groupBy('t.column_key')
      .getRawMany();
    return toBoardView(board, columns, new Map(counts.map((row) => [row.key, Number(row.count)])));
  }
}

function assertValidColumns(columns: readonly BoardColumnDto[]): void {
  const problems = validateColumns(columns);
  if (problems.length > 0) throw validationFailed(problems);
}
