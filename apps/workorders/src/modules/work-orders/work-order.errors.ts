import { RpcException } from '@nestjs/microservices';
import { WorkOrderAction, WorkOrderErrorCode, WorkOrderStatus } from '@quartier/contracts-workorders';
import { conflict, rpcError, validationFailed } from '@quartier/messaging';
import { AllowedTransition } from './work-order-transitions';

export function illegalTransition(status: WorkOrderStatus, action: WorkOrderAction, message: string, allowed: AllowedTransition[]): RpcException {
  return rpcError(409, WorkOrderErrorCode.ILLEGAL_TRANSITION, message, { status, action, allowedTransitions: allowed });
}

export function contractorInactive(id: string): RpcException {
  return rpcError(409, WorkOrderErrorCode.CONTRACTOR_INACTIVE, `Contractor ${id} is inactive and cannot take work orders`);
}

export function finishedWorkOrder(id: string, status: WorkOrderStatus): RpcException {
  return conflict(`Work order ${id} is ${status} and can no longer be changed`, { status });
}

export function unitRequiredForResident(): RpcException {
  return validationFailed([{ field: 'unitId', message: 'unitId is required: a resident files requests for a unit they rent' }]);
}

export function noActiveLease(unitId: string): RpcException {
  return new RpcException({
    status: 422,
    code: WorkOrderErrorCode.NO_ACTIVE_LEASE,
    message: `You have no active lease on unit ${unitId}`,
    errors: [{ field: 'unitId', message: 'you hold no active lease on this unit' }],
  });
}
