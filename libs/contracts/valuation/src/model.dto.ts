import { ApiProperty } from '@nestjs/swagger';

export class MethodAccuracyView {
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Median absolute percentage error, %' }) mdape!: number;
  @ApiProperty({ description: 'Mean absolute percentage error, %' }) mape!: number;
  @ApiProperty({ description: 'Share within ±10 %' }) within10!: number;
  @ApiProperty({ description: 'Share within ±20 %' }) within20!: number;
  @ApiProperty({ required: false, description: 'Share of held-out prices inside the range' }) coverage?: number;
  @ApiProperty({ required: false, description: 'Mean (high − low) / estimate' }) meanRangeWidth?: number;
}

export class ModelValidationView {
  @ApiProperty({ description: 'First held-out sale date' }) from!: string;
  @ApiProperty({ description: 'Last held-out sale date' }) to!: string;
  @ApiProperty({ type: MethodAccuracyView }) comparable!: MethodAccuracyView;
  @ApiProperty({ type: MethodAccuracyView }) hedonic!: MethodAccuracyView;
  @ApiProperty({ type: MethodAccuracyView }) blend!: MethodAccuracyView;
}

export class AvmModelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'USD-3' }) version!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ format: 'date-time' }) fittedAt!: string;
  @ApiProperty({ description: 'First training sale date' }) trainingFrom!: string;
  @ApiProperty({ description: 'Last training sale date' }) trainingTo!: string;
  @ApiProperty() sampleSize!: number;
  @ApiProperty({ description: 'Ridge penalty chosen on the held-out sales' }) lambda!: number;
  @ApiProperty({ description: 'Weight of the comparable estimate in the blend' }) blendWeight!: number;
  @ApiProperty({ description: 'Nominal coverage of the stated range' }) rangeCoverage!: number;
  @ApiProperty({ type: ModelValidationView, description: 'Accuracy on the latest training sales, predicted by a model fitted on the earlier ones' })
  validation!: ModelValidationView;
  @ApiProperty({ description: 'Seconds the fit took' }) fitSeconds!: number;
}

export class AvmModelListView {
  @ApiProperty({ type: [AvmModelView] }) items!: AvmModelView[];
}
