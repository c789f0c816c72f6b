import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { AvmModelListView, ModelSubjects } from '@quartier/contracts-valuation';
import { CurrentCaller, forbidden } from '@quartier/messaging';
import { toModelView } from './avm-model.mapper';
import { ModelRegistry } from './model-registry.service';

@Controller()
export class ModelController {
  constructor(private readonly registry: ModelRegistry) {}

  /** Refits on all platform market data; owners and admins only (the gateway checks too). */
  @MessagePattern(ModelSubjects.refit)
  async refit(@CurrentCaller() caller: OrgCaller): Promise<AvmModelListView> {
    if (!caller.roles.some((role) => role === 'owner' || role === 'admin')) throw forbidden('Only owners and admins may refit the valuation models');
    return { items: (await this.registry.refitAll()).map(toModelView) };
  }

  @MessagePattern(ModelSubjects.current)
  async current(@CurrentCaller() _caller: OrgCaller): Promise<AvmModelListView> {
    return { items: (await this.registry.currentAll()).map(toModelView) };
  }
}
