import { subjectsOf } from '@quartier/contracts-shared';
import { BoardOperations } from './board.operations';
import { ContractorOperations } from './contractor.operations';
import { TaskOperations } from './task.operations';
import { WorkOrderOperations } from './work-order.operations';

/** NATS subjects of the workorders service (without the deployment prefix), read off the operation descriptors. */
export const WorkOrderSubjects = subjectsOf(WorkOrderOperations);
export const ContractorSubjects = subjectsOf(ContractorOperations);
export const BoardSubjects = subjectsOf(BoardOperations);
export const TaskSubjects = subjectsOf(TaskOperations);

