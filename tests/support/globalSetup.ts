// Before any test: the compiled USWDS stylesheet and the fonts that app/root.tsx imports (the stub
// builds render the real root). Made once; later runs find them up to date.
import { buildStyles } from "../../scripts/build-styles";

export default async function setup() {
  await buildStyles();
}
