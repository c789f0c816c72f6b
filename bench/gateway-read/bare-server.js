// The baseline of the gateway-read benchmark: plain Fastify + pg in two worker processes (one per
// core), answering GET /api/v1/units with the same SQL the portfolio service runs. No auth, no
// NATS, no Nest: what the extra hops cost is the difference to this.
const cluster = require('node:cluster');
const Fastify = require('fastify');
const { Pool } = require('pg');
const { UNITS_PAGE_SQL } = require('./units-sql');

const port = Number(process.env.BARE_PORT ?? 3900);

if (cluster.isPrimary) {
  const workers = Number(process.env.BARE_WORKERS ?? 2);
  for (let i = 0; i < workers; i += 1) cluster.fork();
  let ready = 0;
  cluster.on('message', (_worker, message) => {
    if (message === 'ready' && ++ready === workers && process.send) process.send('ready');
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers)) worker.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const organizationId = process.env.BENCH_ORGANIZATION_ID;
  const app = Fastify({ logger: false });
  app.get('/api/v1/units', async (request) => {
    const size = Math.min(Number(request.query.size ?? 20), 100);
    const page = Math.max(Number(request.query.page ?? 1), 1);
    const { rows } = await pool.query(UNITS_PAGE_SQL, [organizationId, size, (page - 1) * size]);
    const total = rows.length > 0 ? Number(rows[0].total) : 0;
    return { items: rows.map(({ total: _total, ...unit }) => unit), total, page, size, pages: Math.ceil(total / size) };
  });
  app.listen({ port, host: '127.0.0.1' }).then(() => process.send('ready'));
}
