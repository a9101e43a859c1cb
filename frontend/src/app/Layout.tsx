import type { ReactNode } from "react";
import { hrefFor } from "./router";
import { paths, type PageName } from "./paths";

/** The main navigation; each feature adds its page here as it arrives. */
const navigation: readonly { label: string; href: string; pages: readonly PageName[] }[] = [
  {
    label: "Datasets",
    href: hrefFor(paths.home),
    pages: ["home", "workspace", "dataset", "wizard", "quality"],
  },
];

export function Layout({
  page,
  onSignOut,
  children,
}: {
  page: PageName | null;
  onSignOut: (() => void) | null;
  children: ReactNode;
}) {
  return (
    <>
      {/* The fragment holds the route, so the skip link moves focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={hrefFor(paths.home)}>
          FlowForge
        </a>
        {onSignOut && (
          <nav aria-label="Main">
            <ul>
              {navigation.map((item) => (
                <li key={item.label}>
                  <a
                    href={item.href}
                    aria-current={page !== null && item.pages.includes(page) ? "page" : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {onSignOut && (
          <button type="button" className="link-button" onClick={onSignOut}>
            Forget token
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
