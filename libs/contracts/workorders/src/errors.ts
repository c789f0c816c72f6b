/** Error codes of the workorders service (beside CommonErrorCode). */
export const WorkOrderErrorCode = {
  /** The action is not allowed from the work order's status; details list the allowed ones. */
  ILLEGAL_TRANSITION: 'WORK_ORDER_ILLEGAL_TRANSITION',
  CONTRACTOR_INACTIVE: 'CONTRACTOR_INACTIVE',
  CONTRACTOR_HAS_OPEN_WORK_ORDERS: 'CONTRACTOR_HAS_OPEN_WORK_ORDERS',
  /** A resident asked for a unit they hold no active lease on. */
  NO_ACTIVE_LEASE: 'NO_ACTIVE_LEASE',
  WIP_LIMIT_REACHED: 'TASK_WIP_LIMIT_REACHED',
  MOVE_NOT_ALLOWED: 'TASK_MOVE_NOT_ALLOWED',
} as const;
