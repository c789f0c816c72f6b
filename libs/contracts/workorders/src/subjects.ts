/** NATS subjects of the workorders service (without the deployment prefix). */
export const WorkOrderSubjects = {
  list: 'workorders.v1.workorders.list',
  create: 'workorders.v1.workorders.create',
  get: 'workorders.v1.workorders.get',
  update: 'workorders.v1.workorders.update',
  delete: 'workorders.v1.workorders.delete',
  assign: 'workorders.v1.workorders.assign',
  start: 'workorders.v1.workorders.start',
  complete: 'workorders.v1.workorders.complete',
  cancel: 'workorders.v1.workorders.cancel',
  comment: 'workorders.v1.workorders.comment',
  timeline: 'workorders.v1.workorders.timeline',
  urgent: 'workorders.v1.workorders.urgent',
  byUnit: 'workorders.v1.workorders.by-unit',
  stats: 'workorders.v1.workorders.stats',
  addTask: 'workorders.v1.workorders.tasks.add',
  updateTask: 'workorders.v1.workorders.tasks.update',
  removeTask: 'workorders.v1.workorders.tasks.remove',
  addMaterial: 'workorders.v1.workorders.materials.add',
  removeMaterial: 'workorders.v1.workorders.materials.remove',
} as const;

export const ContractorSubjects = {
  list: 'workorders.v1.contractors.list',
  create: 'workorders.v1.contractors.create',
  get: 'workorders.v1.contractors.get',
  update: 'workorders.v1.contractors.update',
  delete: 'workorders.v1.contractors.delete',
  workOrders: 'workorders.v1.contractors.workorders',
} as const;

export const BoardSubjects = {
  list: 'workorders.v1.boards.list',
  create: 'workorders.v1.boards.create',
  get: 'workorders.v1.boards.get',
  update: 'workorders.v1.boards.update',
  delete: 'workorders.v1.boards.delete',
} as const;

export const TaskSubjects = {
  list: 'workorders.v1.tasks.list',
  create: 'workorders.v1.tasks.create',
  get: 'workorders.v1.tasks.get',
  update: 'workorders.v1.tasks.update',
  delete: 'workorders.v1.tasks.delete',
  move: 'workorders.v1.tasks.move',
  addSubtask: 'workorders.v1.tasks.subtasks.add',
  updateSubtask: 'workorders.v1.tasks.subtasks.update',
  removeSubtask: 'workorders.v1.tasks.subtasks.remove',
  comment: 'workorders.v1.tasks.comment',
  comments: 'workorders.v1.tasks.comments',
  statistics: 'workorders.v1.tasks.statistics',
  export: 'workorders.v1.tasks.export',
} as const;
