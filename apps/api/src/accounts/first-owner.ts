import { AccountStore, ProjectMemberStore, ProjectStore } from '@engine/persistence';
import { type DataSource } from 'typeorm';
import { type AccountsService, SIGN_IN_LINK_LIFETIME_MS } from './accounts.service';

export interface OwnerSignIn {
  email: string;
  /** True when this start created the account. */
  created: boolean;
  link: string;
}

/**
 * On a database without accounts: the first owner (owner of every project there is), without a
 * password. As long as that account has no password, each start prints a fresh one-time sign-in
 * link for it (valid 24 hours); once the owner has set a password, nothing is printed.
 */
export async function ensureFirstOwner(dataSource: DataSource, accounts: AccountsService, email: string): Promise<OwnerSignIn | undefined> {
  const created = await dataSource.transaction(async (tx) => {
    await tx.query(`LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE`);
    if ((await AccountStore.count(tx)) > 0) return false;
    const account = await AccountStore.create(tx, { email, passwordHash: null });
    for (const projectId of await ProjectStore.listIds(tx)) await ProjectMemberStore.upsert(tx, projectId, account.id, 'owner');
    return true;
  });
  const owner = await AccountStore.findByEmail(dataSource.manager, email);
  if (!owner || owner.passwordHash !== null) return undefined;
  const link = await accounts.createLink(owner.id, 'sign_in', SIGN_IN_LINK_LIFETIME_MS, '/api/v1/auth/link');
  return { email: owner.email, created, link };
}
