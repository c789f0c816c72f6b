import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseConnectionLoss } from './connection-loss';

function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('isDatabaseConnectionLoss', () => {
  it('recognises a terminated backend inside the query error TypeORM throws', () => {
    expect(isDatabaseConnectionLoss(new QueryFailedError('SELECT 1', [], pgError('terminating connection due to administrator command', '57P01')))).toBe(true);
    expect(isDatabaseConnectionLoss(new QueryFailedError('SELECT 1', [], pgError('Connection terminated unexpectedly')))).toBe(true);
    // The next statement of a transaction whose connection died.
    expect(isDatabaseConnectionLoss(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('recognises a refused or reset connection, a server restarting and a pool that waited too long', () => {
    const refused = Object.assign(new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: undefined });
    expect(isDatabaseConnectionLoss(refused)).toBe(true);
    expect(isDatabaseConnectionLoss(pgError('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isDatabaseConnectionLoss(pgError('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseConnectionLoss(pgError('connection failure', '08006'))).toBe(true);
    expect(isDatabaseConnectionLoss(pgError('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseConnectionLoss(new Error('wrapped', { cause: pgError('Connection terminated due to connection timeout') }))).toBe(true);
  });

  it('leaves the errors of the request itself alone', () => {
    expect(isDatabaseConnectionLoss(new QueryFailedError('INSERT', [], pgError('duplicate key value violates unique constraint', '23505')))).toBe(false);
    expect(isDatabaseConnectionLoss(new QueryFailedError('SELECT', [], pgError('invalid input syntax for type uuid', '22P02')))).toBe(false);
    expect(isDatabaseConnectionLoss(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseConnectionLoss(undefined)).toBe(false);
  });
});
