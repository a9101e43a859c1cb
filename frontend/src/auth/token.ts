const STORAGE_KEY = "flowforge.token";

/**
 * Splits a `token=` parameter off a URL fragment. `./flowforge up` prints
 * `http://127.0.0.1:8080/#token=<token>`; the rest of the fragment, if any, is the page route.
 */
export function splitTokenFromHash(hash: string): { token: string | null; hash: string } {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  let token: string | null = null;
  const rest = fragment.split("&").filter((part) => {
    if (!part.startsWith("token=")) return true;
    const value = decodeURIComponent(part.slice("token=".length)).trim();
    if (value) token = value;
    return false;
  });
  const remaining = rest.join("&");
  return { token, hash: remaining ? `#${remaining}` : "" };
}

/**
 * The access token, kept in sessionStorage so it lives as long as the tab and is not written
 * to disk for other sites or later sessions.
 */
export class TokenStore {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage) {}

  get = (): string | null => this.storage.getItem(STORAGE_KEY);

  set(token: string): void {
    this.storage.setItem(STORAGE_KEY, token.trim());
    this.notify();
  }

  clear(): void {
    this.storage.removeItem(STORAGE_KEY);
    this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Takes a token handed over in the page's URL fragment into the store and removes it from the
   * address bar and history, so it is not bookmarked, shared or sent on in a Referer.
   */
  captureFromLocation(location: Location, history: History): void {
    const { token, hash } = splitTokenFromHash(location.hash);
    if (token === null) return;
    this.set(token);
    history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
