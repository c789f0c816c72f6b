import { Init1763800000000 } from './1763800000000-init.migration';
import { SigningKeyRotation1765000000000 } from './1765000000000-signing-key-rotation.migration';

export const identityMigrations = [Init1763800000000, SigningKeyRotation1765000000000];
