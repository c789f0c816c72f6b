import { GramSystem, choleskySolve } from './ridge';

describe('ridge regression by the normal equations', () => {
  it('solves a small symmetric positive-definite system exactly', () => {
    const x = choleskySolve(new Float64Array([4, 2, 2, 3]), new Float64Array([10, 8]), 2);
    expect([...x].map((v) => Number(v.toFixed(10)))).toEqual([1.75, 1.5]);
  });

  it('recovers known coefficients and the intercept from noisy synthetic data', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const system = new GramSystem(4);
    for (let i = 0; i < 5000; i++) {
      const dense = [random() * 10, random() * 5];
      const group = i % 3; // one-hot group effect in columns 2 and 3 (group 0 is the reference)
      const ones = group === 0 ? [] : [1 + group];
      const y = 3 + 0.5 * dense[0] - 2 * dense[1] + (group === 1 ? 0.7 : group === 2 ? -0.4 : 0) + (random() - 0.5) * 0.1;
      system.add(dense, ones, y);
    }
    const { beta, intercept } = system.solve(1e-6, [1, 1, 1, 1]);
    expect(beta[0]).toBeCloseTo(0.5, 2);
    expect(beta[1]).toBeCloseTo(-2, 2);
    expect(beta[2]).toBeCloseTo(0.7, 2);
    expect(beta[3]).toBeCloseTo(-0.4, 2);
    expect(intercept).toBeCloseTo(3, 1);
  });

  it('shrinks coefficients towards zero as λ grows', () => {
    const system = new GramSystem(1);
    for (let i = 0; i < 100; i++) system.add([i % 10], [], 2 * (i % 10));
    const loose = system.solve(0.001, [1]).beta[0];
    const tight = system.solve(10_000, [1]).beta[0];
    expect(loose).toBeCloseTo(2, 3);
    expect(Math.abs(tight)).toBeLessThan(loose / 2);
  });
});
