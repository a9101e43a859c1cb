import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/client";
import { App } from "./app/App";
import { TokenStore } from "./auth/token";
import { applyTheme } from "./theme/theme";
import "./styles.css";

const tokens = new TokenStore(window.sessionStorage);
tokens.captureFromLocation(window.location, window.history);
applyTheme(document.documentElement);

// A refused token is forgotten, which brings back the form to paste a new one.
const api = createApiClient({ getToken: tokens.get, onUnauthorized: () => tokens.clear() });

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App api={api} tokens={tokens} />
  </StrictMode>,
);
