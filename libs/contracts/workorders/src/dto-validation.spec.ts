import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateBoardDto } from './board.dto';
import { TaskQueryDto } from './task.dto';
import { AddMaterialDto, CreateWorkOrderDto, WorkOrderQueryDto } from './work-order.dto';

function fieldsWithErrors<T extends object>(type: new () => T, plain: object): string[] {
  const errors = validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  const walk = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((error) => {
      const field = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [field] : []), ...walk(error.children ?? [], field)];
    });
  return walk(errors);
}

describe('workorders request contracts', () => {
  it('accepts a minimal work order and names every invalid field', () => {
    expect(fieldsWithErrors(CreateWorkOrderDto, { title: 'Leak' })).toEqual([]);
    expect(
      fieldsWithErrors(CreateWorkOrderDto, { title: '', priority: 'asap', category: 'magic', unitId: 'u1', currency: 'euro', extra: 1 }).sort(),
    ).toEqual(['category', 'currency', 'extra', 'priority', 'title', 'unitId']);
  });

  it('reads query-string booleans and numbers', () => {
    const query = plainToInstance(WorkOrderQueryDto, { overdue: 'true', size: '5' });
    expect(query).toMatchObject({ overdue: true, size: 5 });
    const tasks = plainToInstance(TaskQueryDto, { overdue: 'false', page: '2' });
    expect(tasks).toMatchObject({ overdue: false, page: 2 });
    expect(plainToInstance(WorkOrderQueryDto, { overdue: '1' })).toMatchObject({ overdue: true });
    expect(plainToInstance(TaskQueryDto, { overdue: '0' })).toMatchObject({ overdue: false });
    expect(fieldsWithErrors(TaskQueryDto, { overdue: 'maybe', size: '500' }).sort()).toEqual(['overdue', 'size']);
  });

  it('needs a positive material quantity and non-negative unit cost', () => {
    expect(fieldsWithErrors(AddMaterialDto, { name: 'Pipe', quantity: 2.5, unitCostCents: 399 })).toEqual([]);
    expect(fieldsWithErrors(AddMaterialDto, { name: 'Pipe', quantity: 0, unitCostCents: -1 }).sort()).toEqual(['quantity', 'unitCostCents']);
  });

  it('validates board columns one by one', () => {
    expect(fieldsWithErrors(CreateBoardDto, { name: 'B', columns: [{ key: 'Not A Key', name: 'x', wipLimit: 0 }] }).sort()).toEqual([
      'columns.0.key',
      'columns.0.wipLimit',
    ]);
  });
});
