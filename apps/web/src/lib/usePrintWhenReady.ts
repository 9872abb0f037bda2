import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router";

/** The address flag a 打印 button adds when it leads to a print page: `?print=1`. */
export const PRINT_FLAG = "print";

/** `path` with `?print=1` added, for a 打印 button that leads to a print page. */
export function printLink(path: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${PRINT_FLAG}=1`;
}

/**
 * Opens the browser's print dialog once the page's data is shown, when the page was reached through a 打印
 * button (`?print=1`), so that button prints rather than only navigates. The flag then leaves the address
 * (replace, not push) so that a reload or Back does not print again.
 */
export function usePrintWhenReady(ready: boolean): void {
  const [params, setParams] = useSearchParams();
  const requested = params.get(PRINT_FLAG) === "1";
  // StrictMode runs effects twice in development; the ref keeps it to one dialog.
  const printed = useRef(false);
  useEffect(() => {
    if (!ready || !requested || printed.current) return;
    printed.current = true;
    window.print();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(PRINT_FLAG);
        return next;
      },
      { replace: true },
    );
  }, [ready, requested, setParams]);
}
