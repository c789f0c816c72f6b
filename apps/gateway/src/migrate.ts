import 'reflect-metadata';
import { migrateGateway } from './gateway.database';

migrateGateway(process.env).then(
  (applied) => {
    process.stdout.write(applied.length > 0 ? `gateway: applied ${applied.join(', ')}\n` : 'gateway: schema up to date\n');
  },
  (error: Error) => {
    process.stderr.write(`gateway migrations failed: ${error.message}\n`);
    process.exit(1);
  },
);
