/** The parts of Invoice Ninja v5's REST API that the sync uses. */
export interface InvoiceNinjaSettings {
  url?: string;
  token?: string;
}

export interface NinjaClientInput {
  name: string;
  contacts: { first_name: string; last_name: string; email: string; phone?: string }[];
}

export interface NinjaInvoiceInput {
  client_id: string;
  number: string;
  date: string;
  due_date: string;
  public_notes?: string;
  line_items: { product_key: string; notes: string; cost: number; quantity: number }[];
}

export class InvoiceNinjaError extends Error {}

/** A thin JSON client: token header, `{ data }` envelopes, errors with the server's message. */
export class InvoiceNinjaClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async createClient(input: NinjaClientInput): Promise<string> {
    return (await this.post<{ id: string }>('/api/v1/clients', input)).id;
  }

  async createInvoice(input: NinjaInvoiceInput): Promise<string> {
    return (await this.post<{ id: string }>('/api/v1/invoices', input)).id;
  }

  /** Applies one bulk action (mark_sent, mark_paid, cancel) to invoices by their Invoice Ninja ids. */
  async bulkInvoices(action: string, ids: string[]): Promise<void> {
    await this.post<unknown>('/api/v1/invoices/bulk', { action, ids });
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: {
        'X-API-TOKEN': this.token,
        'X-Requested-With': 'XMLHttpRequest',
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new InvoiceNinjaError(`Invoice Ninja answered ${response.status} on ${path}: ${text.slice(0, 200)}`);
    return (JSON.parse(text) as { data: T }).data;
  }
}
