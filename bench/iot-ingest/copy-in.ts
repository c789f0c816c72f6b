import { Client } from 'pg';

/**
 * `COPY … FROM STDIN` through pg's submittable protocol hooks (what pg-copy-streams does),
 * so the baseline needs no extra package.
 */
class CopyIn {
  private error?: Error;
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly done: (error: Error | undefined, rows: number) => void,
  ) {}

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    const chunkSize = 64 * 1024;
    for (let offset = 0; offset < this.data.length; offset += chunkSize) connection.sendCopyFromChunk(this.data.subarray(offset, offset + chunkSize));
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text: string }): void {
    this.rows = Number(message.text.split(' ').pop());
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    this.done(this.error, this.rows);
  }
}

/** Copies tab-separated text rows; resolves with the row count Postgres reports. */
export function copyFrom(client: Client, sql: string, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const submittable = new CopyIn(sql, Buffer.from(text), (error, rows) => (error ? reject(error) : resolve(rows)));
    void client.query(submittable as unknown as string);
  });
}
