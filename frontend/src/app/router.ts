import { useSyncExternalStore } from "react";

/** A page of the app and the hash path it answers, with `:name` segments as parameters. */
export interface PageRoute<N extends string = string> {
  name: N;
  pattern: string;
}

export interface RouteMatch<N extends string = string> {
  name: N;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

/**
 * The first route whose pattern matches the path, with its parameters decoded; null when none
 * does. Hash routing keeps the app a set of static files that any server can serve.
 */
export function matchRoute<N extends string>(
  path: string,
  routes: readonly PageRoute<N>[],
): RouteMatch<N> | null {
  const actual = segments(path);
  for (const route of routes) {
    const expected = segments(route.pattern);
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const matches = expected.every((part, index) => {
      const value = actual[index] as string;
      if (!part.startsWith(":")) return part === value;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { name: route.name, params };
  }
  return null;
}

/** The href for a route, with each parameter encoded so it stays one path segment. */
export function hrefFor(pattern: string, params: Record<string, string> = {}): string {
  const path = segments(pattern)
    .map((part) => {
      if (!part.startsWith(":")) return part;
      const value = params[part.slice(1)];
      if (value === undefined) throw new Error(`Route parameter "${part}" is missing`);
      return encodeURIComponent(value);
    })
    .join("/");
  return `#/${path}`;
}

/** The route path held in a location hash: `#/workspaces/w1` gives `/workspaces/w1`. */
export function pathOfHash(hash: string): string {
  const path = hash.replace(/^#/, "");
  return path.startsWith("/") ? path : `/${path}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current route path; the component re-renders when it changes. */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, () => pathOfHash(window.location.hash));
}

/** Goes to a route href; `replace` leaves no history entry (used for redirects). */
export function navigate(href: string, { replace = false } = {}): void {
  if (replace) {
    window.history.replaceState(window.history.state, "", href);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = href;
  }
}
