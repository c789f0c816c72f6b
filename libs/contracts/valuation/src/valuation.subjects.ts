/** NATS subjects of the valuation service (without the deployment prefix). Payload → response in comments. */
export const ValuationSubjects = {
  /** ValuateDto → ValuationView (422 with the missing attributes, 422 NO_MARKET_DATA far from any sale) */
  valuate: 'valuation.v1.valuations.create',
  /** ValuationQueryDto → ValuationPageView */
  list: 'valuation.v1.valuations.list',
  /** ValuationIdDto → ValuationView */
  get: 'valuation.v1.valuations.get',
} as const;

export const MarketDataSubjects = {
  /** MarketDataQueryDto → MarketDataSummaryView (platform sales plus the organization's own) */
  summary: 'valuation.v1.market-data.summary',
  /** AddMarketSalesDto → AddMarketSalesResult (the organization's own comparable sales) */
  addSales: 'valuation.v1.market-data.sales.add',
  /** MarketSaleQueryDto → MarketSalePageView (the organization's own sales) */
  listSales: 'valuation.v1.market-data.sales.list',
  /** MarketSaleIdDto → { deleted: true } (404 for platform data and other organizations' sales) */
  deleteSale: 'valuation.v1.market-data.sales.delete',
} as const;

export const ModelSubjects = {
  /** {} → AvmModelListView (owner/admin only) */
  refit: 'valuation.v1.models.refit',
  /** {} → AvmModelListView, the model in use per currency */
  current: 'valuation.v1.models.current',
} as const;
