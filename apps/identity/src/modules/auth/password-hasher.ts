import { Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library default) with its recommended cost. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash?: Promise<string>;

  /** Computed at boot, so the first unknown email does not pay for a second hash. */
  async onModuleInit(): Promise<void> {
    await this.dummy();
  }

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** A missing hash still costs one verification, so unknown accounts answer as slowly as known ones. */
  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await this.dummy(), password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hash('quartier-timing-equaliser');
    return this.dummyHash;
  }
}
