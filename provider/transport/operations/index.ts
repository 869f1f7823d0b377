import * as cas from "./cas";
import * as esa from "./esa";
import * as ga from "./ga";

/** Every operation spec, grouped by product (used by golden wire tests and documentation). */
export const OPERATIONS = { esa, cas, ga } as const;
