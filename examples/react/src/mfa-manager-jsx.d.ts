// React 19 reads intrinsic elements from `React.JSX`, not the global `JSX` namespace the
// package's declarations extend, so `<mfa-manager>` and its attributes are added here.
import type { MfaManagerJsxProps } from "mfa-manager";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "mfa-manager": MfaManagerJsxProps;
    }
  }
}
