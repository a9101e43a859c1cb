import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createApiClient } from "../api/client";
import { App } from "../app/App";
import { TokenStore } from "../auth/token";
import { FakeServer, FakeXhr } from "./fakeNetwork";

/** Renders the whole app at a route, talking to the fake server instead of the network. */
export function renderApp(
  server: FakeServer,
  { hash = "#/", token = server.token as string | null } = {},
) {
  window.history.replaceState(null, "", `/${hash}`);
  const tokens = new TokenStore(sessionStorage);
  if (token) tokens.set(token);
  const api = createApiClient({
    getToken: tokens.get,
    onUnauthorized: () => tokens.clear(),
    fetch: server.fetch,
    createXhr: () => new FakeXhr(server) as unknown as XMLHttpRequest,
  });
  const user = userEvent.setup();
  render(<App api={api} tokens={tokens} />);
  return { user, tokens };
}
