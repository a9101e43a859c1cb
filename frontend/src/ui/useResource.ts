import { useCallback, useEffect, useState } from "react";
import { asError } from "./ErrorMessage";

export type Resource<T> =
  { state: "loading" } | { state: "ready"; data: T } | { state: "failed"; error: Error };

const loading = { state: "loading" } as const;

/**
 * Loads data for a component, again when `key` changes or `reload` is called. A reload keeps the
 * current data on screen until the new answer arrives; a new key never shows the old key's data,
 * and an answer that arrives after the key changed is dropped.
 */
export function useResource<T>(key: string, load: () => Promise<T>): [Resource<T>, () => void] {
  const [entry, setEntry] = useState<{ key: string; resource: Resource<T> }>({
    key,
    resource: loading,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setEntry({ key, resource: { state: "ready", data } }),
      (error: unknown) =>
        current &&
        setEntry({
          key,
          resource: {
            state: "failed",
            error: asError(error),
          },
        }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on each render; `key` says what it loads.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [entry.key === key ? entry.resource : loading, reload];
}
