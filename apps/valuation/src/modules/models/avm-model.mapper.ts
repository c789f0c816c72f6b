import type { AvmModelView } from '@quartier/contracts-valuation';
import { AvmModelEntity } from './avm-model.entity';

export function modelVersion(model: Pick<AvmModelEntity, 'currency' | 'version'>): string {
  return `${model.currency}-${model.version}`;
}

export function toModelView(model: AvmModelEntity): AvmModelView {
  return {
    id: model.id,
    version: modelVersion(model),
    currency: model.currency,
    fittedAt: model.fittedAt.toISOString(),
    trainingFrom: model.trainingFrom,
    trainingTo: model.trainingTo,
    sampleSize: model.sampleSize,
    lambda: model.parameters.hedonic.lambda,
    blendWeight: model.parameters.blendWeight,
    rangeCoverage: model.parameters.coverage,
    validation: model.validation,
    fitSeconds: Math.round(model.fitSeconds * 1000) / 1000,
  };
}
