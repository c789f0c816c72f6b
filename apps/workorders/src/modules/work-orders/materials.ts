/** Extended cost of a material line: quantity × unit cost, rounded half up to whole cents. */
export function extendedCostCents(quantity: number, unitCostCents: number): number {
  // Quantities carry up to 3 decimals: multiply in thousandths to avoid float drift (2.675 × 100).
  const thousandths = Math.round(quantity * 1000);
  return Math.round((thousandths * unitCostCents) / 1000);
}

export function totalMaterialsCents(lines: readonly { quantity: number; unitCostCents: number }[]): number {
  return lines.reduce((sum, line) => sum + extendedCostCents(line.quantity, line.unitCostCents), 0);
}
