import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string | null;
  locale?: string;
}

export function newUser(manager: EntityManager, values: NewUser): UserEntity {
  return manager.create(UserEntity, {
    email: values.email,
    name: values.name,
    passwordHash: values.passwordHash,
    phone: null,
    locale: values.locale ?? 'de-DE',
    avatarContentType: null,
    preferences: {},
    notificationSettings: {},
  });
}

/** The user by (normalised) email, with the password hash when asked. */
export function findUserByEmail(manager: EntityManager, email: string, options: { withPassword?: boolean } = {}): Promise<UserEntity | null> {
  const query = manager.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = :email', { email });
  if (options.withPassword) query.addSelect('u.passwordHash');
  return query.getOne();
}

export function findUserById(manager: EntityManager, id: string, options: { withPassword?: boolean } = {}): Promise<UserEntity | null> {
  const query = manager.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id });
  if (options.withPassword) query.addSelect('u.passwordHash');
  return query.getOne();
}

export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  return driverError?.code === '23505';
}
