// The response's CSP nonce, for components that render <script> tags (root.tsx).
// Only the server knows it; in the browser the value is "" and nothing needs it, since
// scripts added after hydration are trusted through 'strict-dynamic'.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
