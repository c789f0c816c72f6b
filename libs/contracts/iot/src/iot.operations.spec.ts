import { IOT_OPERATIONS } from './iot.operations';
import { IotSubjects } from './iot.subjects';

describe('iot operations', () => {
  it('give every operation a subject of its own, each named in IotSubjects', () => {
    const subjects = IOT_OPERATIONS.map((operation) => operation.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(Object.values(IotSubjects).sort()).toEqual([...subjects].sort());
  });

  it('give every public operation a method and path of its own', () => {
    const routes = IOT_OPERATIONS.flatMap(({ http }) => (http ? [`${http.method} ${http.path}`] : []));
    expect(new Set(routes).size).toBe(routes.length);
  });
});
