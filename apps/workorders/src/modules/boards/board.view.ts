import { BoardColumnView, BoardView, SubtaskView, TaskCommentView, TaskView } from '@quartier/contracts-workorders';
import { BoardColumnEntity, BoardEntity, SubtaskEntity, TaskCommentEntity, TaskEntity } from './board.entity';

export function toBoardView(board: BoardEntity, columns: BoardColumnEntity[], counts: Map<string, number>): BoardView {
  return {
    id: board.id,
    name: board.name,
    description: board.description,
    columns: columns.map((column) => toColumnView(column, counts.get(column.key) ?? 0)),
    createdAt: board.createdAt.toISOString(),
    updatedAt: board.updatedAt.toISOString(),
  };
}

function toColumnView(column: BoardColumnEntity, taskCount: number): BoardColumnView {
  return {
    key: column.key,
    name: column.name,
    position: column.position,
    wipLimit: column.wipLimit,
    terminal: column.terminal,
    allowedFrom: column.allowedFrom,
    taskCount,
  };
}

export function toTaskView(task: TaskEntity): TaskView {
  return {
    id: task.id,
    boardId: task.boardId,
    status: task.columnKey,
    position: task.position,
    title: task.title,
    description: task.description,
    priority: task.priority,
    assigneeId: task.assigneeId,
    dueDate: task.dueDate,
    labels: task.labels,
    storyPoints: task.storyPoints,
    propertyId: task.propertyId,
    unitId: task.unitId,
    contactId: task.contactId,
    workOrderId: task.workOrderId,
    completedAt: task.completedAt ? task.completedAt.toISOString() : null,
    createdByUserId: task.createdByUserId,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

export function toSubtaskView(subtask: SubtaskEntity): SubtaskView {
  return { id: subtask.id, title: subtask.title, done: subtask.done, position: subtask.position };
}

export function toCommentView(comment: TaskCommentEntity): TaskCommentView {
  return { id: comment.id, authorUserId: comment.authorUserId, body: comment.body, createdAt: comment.createdAt.toISOString() };
}
