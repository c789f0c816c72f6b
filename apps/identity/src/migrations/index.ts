import { Init1763800000000 } from './1763800000000-init.migration';
import { SigningKeyRotation1765000000000 } from './1765000000000-signing-key-rotation.migration';
import { PasswordReset1765100000000 } from './1765100000000-password-reset.migration';
import { Invitations1765200000000 } from './1765200000000-invitations.migration';
import { IdempotencyRecords1796700000000 } from './1796700000000-idempotency-records.migration';
import { LoginFailures1797000000000 } from './1797000000000-login-failures.migration';

export const identityMigrations = [Init1763800000000, SigningKeyRotation1765000000000, PasswordReset1765100000000, Invitations1765200000000, IdempotencyRecords1796700000000, LoginFailures1797000000000];
