import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AccountSecurity } from "./AccountSecurity";

const root = document.getElementById("app");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AccountSecurity />
    </StrictMode>,
  );
}
