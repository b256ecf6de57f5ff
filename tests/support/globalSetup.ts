// Before any test: the compiled USWDS stylesheet that app/root.tsx imports (the stub builds
// render the real root). Compiled once; later runs find it up to date.
import { buildStyles } from "../../scripts/build-styles";

export default function setup() {
  buildStyles();
}
