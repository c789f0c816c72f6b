import { Module } from '@nestjs/common';
import { PlanOperations } from '@quartier/contracts-identity';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';

/** /api/v1/platform: platform-wide administration for the installation's platform operators. */
const PlatformController = operationController('PlatformController', {
  setPlan: PlanOperations.set,
});

@Module({ controllers: [PlatformController], providers: [OperationClient] })
export class PlatformRoutesModule {}
