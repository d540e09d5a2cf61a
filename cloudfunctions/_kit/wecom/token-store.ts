/**
 * Where access tokens are cached. The in-memory store lives as long as one warm function
 * instance; a database-backed store (same interface) lets all instances share one token, which
 * matters because gettoken is rate limited.
 */
export interface CachedToken {
  accessToken: string;
  /** epoch ms at which WeCom stops accepting the token */
  expiresAt: number;
}

export interface TokenStore {
  get(key: string): Promise<CachedToken | null>;
  set(key: string, token: CachedToken): Promise<void>;
  /**
   * Forget the token only if it is still `accessToken`: another instance may already have
   * replaced a rejected token, and that newer one must survive (a conditional delete in a DB).
   */
  invalidate(key: string, accessToken: string): Promise<void>;
}

export class InMemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, CachedToken>();

  async get(key: string): Promise<CachedToken | null> {
    return this.tokens.get(key) ?? null;
  }

  async set(key: string, token: CachedToken): Promise<void> {
    this.tokens.set(key, { ...token });
  }

  async invalidate(key: string, accessToken: string): Promise<void> {
    if (this.tokens.get(key)?.accessToken === accessToken) this.tokens.delete(key);
  }
}
