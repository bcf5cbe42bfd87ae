import { type EntityManager } from 'typeorm';
import { AccountEntity } from '../entities/account.entity';

/** The one writer of `accounts`. Emails are stored trimmed and lower-cased. */
export const AccountStore = {
  normalizeEmail(email: string): string {
    return email.trim().toLowerCase();
  },

  async create(manager: EntityManager, input: { email: string; passwordHash: string | null }): Promise<AccountEntity> {
    return manager.save(manager.create(AccountEntity, { email: AccountStore.normalizeEmail(input.email), passwordHash: input.passwordHash }));
  },

  findByEmail(manager: EntityManager, email: string): Promise<AccountEntity | null> {
    return manager.findOneBy(AccountEntity, { email: AccountStore.normalizeEmail(email) });
  },

  findById(manager: EntityManager, id: string): Promise<AccountEntity | null> {
    return manager.findOneBy(AccountEntity, { id });
  },

  count(manager: EntityManager): Promise<number> {
    return manager.count(AccountEntity);
  },

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(AccountEntity, { id }, { passwordHash });
  },
};
