import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/client";
import { loadAssistantSocketUrl } from "./api/socketStream";
import { App } from "./app/App";
import { TokenStore } from "./auth/token";
import { applyTheme } from "./theme/theme";
import "./styles.css";

const tokens = new TokenStore(window.sessionStorage);
tokens.captureFromLocation(window.location, window.history);
applyTheme(document.documentElement);

// Read once, when the assistant first answers: in AWS it names the WebSocket the answers stream over.
let assistantSocketUrl: Promise<string | undefined> | undefined;

// A refused token is forgotten, which brings back the form to paste a new one.
const api = createApiClient({
  getToken: tokens.get,
  onUnauthorized: () => tokens.clear(),
  assistantSocketUrl: () => (assistantSocketUrl ??= loadAssistantSocketUrl()),
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App api={api} tokens={tokens} />
  </StrictMode>,
);
