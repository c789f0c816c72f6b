import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { parseKingCountyCsv } from './king-county-csv';
import { platformRow } from './market-sale.mapper';
import { insertSales } from './market-data.service';

export interface ImportOptions {
  /** Name of the data source; with each sale's id it makes re-imports idempotent. */
  source: string;
  currency: string;
}

export interface ImportResult {
  read: number;
  inserted: number;
  /** Already stored from an earlier import of the same source. */
  skipped: number;
  rejected: { line: number; reason: string }[];
}

/** Imports a King County-format sales file as platform market data (organization NULL), in one transaction. */
export async function importMarketSales(dataSource: DataSource, path: string, options: ImportOptions): Promise<ImportResult> {
  const { sales, rejected } = parseKingCountyCsv(await readFile(path, 'utf8'));
  const rows = sales.map((sale) => platformRow(sale, options.source, options.currency));
  const inserted = await dataSource.transaction((manager) => insertSales(manager, rows));
  return { read: sales.length + rejected.length, inserted, skipped: rows.length - inserted, rejected };
}
