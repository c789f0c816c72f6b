import { BoardOperations } from './board.operations';
import { ContractorOperations } from './contractor.operations';
import { TaskOperations } from './task.operations';
import { WorkOrderOperations } from './work-order.operations';

/** Every workorders operation: what the service answers and the gateway routes. */
export const WORKORDERS_OPERATIONS = [
  ...Object.values(WorkOrderOperations),
  ...Object.values(ContractorOperations),
  ...Object.values(BoardOperations),
  ...Object.values(TaskOperations),
];
