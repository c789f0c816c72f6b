/** A board column as far as moving tasks is concerned. */
export interface ColumnRule {
  key: string;
  wipLimit: number | null;
  allowedFrom: string[] | null;
}

export type MoveCheck =
  | { ok: true }
  | { ok: false; reason: 'wip_limit'; message: string; details: Record<string, unknown> }
  | { ok: false; reason: 'not_allowed'; message: string; details: Record<string, unknown> };

/**
 * Whether a task may move from `fromKey` into `to`, which already holds `tasksInTarget` other
 * tasks. Reordering within one column is always allowed.
 */
export function checkMove(fromKey: string, to: ColumnRule, tasksInTarget: number): MoveCheck {
  if (fromKey === to.key) return { ok: true };
  if (to.allowedFrom && !to.allowedFrom.includes(fromKey)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `Tasks cannot move from ${fromKey} to ${to.key}; ${to.key} accepts tasks from: ${to.allowedFrom.join(', ') || 'no column'}`,
      details: { from: fromKey, to: to.key, allowedFrom: to.allowedFrom },
    };
  }
  if (to.wipLimit !== null && tasksInTarget >= to.wipLimit) {
    return {
      ok: false,
      reason: 'wip_limit',
      message: `Column ${to.key} is at its WIP limit of ${to.wipLimit}`,
      details: { column: to.key, wipLimit: to.wipLimit, tasks: tasksInTarget },
    };
  }
  return { ok: true };
}

/** The column's task ids after inserting `movingId` at `position` (clamped; the end when absent). */
export function placeTask(otherIds: readonly string[], movingId: string, position?: number): string[] {
  const index = position === undefined ? otherIds.length : Math.min(Math.max(position, 0), otherIds.length);
  return [...otherIds.slice(0, index), movingId, ...otherIds.slice(index)];
}

export interface ColumnDefinition {
  key: string;
  allowedFrom?: string[];
}

/** Problems with a board's column list: duplicate keys, or allowed sources that are not columns. */
export function validateColumns(columns: readonly ColumnDefinition[]): { field: string; message: string }[] {
  const keys = columns.map((column) => column.key);
  const problems: { field: string; message: string }[] = [];
  columns.forEach((column, index) => {
    if (keys.indexOf(column.key) !== index) problems.push({ field: `columns.${index}.key`, message: `duplicate column key ${column.key}` });
    for (const source of column.allowedFrom ?? []) {
      if (!keys.includes(source)) problems.push({ field: `columns.${index}.allowedFrom`, message: `${source} is not a column of this board` });
    }
  });
  return problems;
}

export const DEFAULT_COLUMNS = [
  { key: 'backlog', name: 'Backlog' },
  { key: 'todo', name: 'To do' },
  { key: 'in_progress', name: 'In progress' },
  { key: 'review', name: 'Review' },
  { key: 'done', name: 'Done', terminal: true },
];
