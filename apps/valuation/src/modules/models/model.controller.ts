import { Controller } from '@nestjs/common';
import { OrgCaller } from '@quartier/contracts-shared';
import { AvmModelListView, ModelOperations } from '@quartier/contracts-valuation';
import { CurrentCaller, HandlesOperation, assertOperationAccess } from '@quartier/messaging';
import { toModelView } from './avm-model.mapper';
import { ModelRegistry } from './model-registry.service';

@Controller()
export class ModelController {
  constructor(private readonly registry: ModelRegistry) {}

  /** Refits on all platform market data; the operation's role (platform operators) holds for every caller, not only at the gateway. */
  @HandlesOperation(ModelOperations.refit)
  async refit(@CurrentCaller() caller: OrgCaller): Promise<AvmModelListView> {
    assertOperationAccess(ModelOperations.refit, caller);
    return { items: (await this.registry.refitAll()).map(toModelView) };
  }

  @HandlesOperation(ModelOperations.current)
  async current(@CurrentCaller() _caller: OrgCaller): Promise<AvmModelListView> {
    return { items: (await this.registry.currentAll()).map(toModelView) };
  }
}
