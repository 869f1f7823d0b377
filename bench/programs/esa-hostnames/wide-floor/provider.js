// The width-matched floor's provider: the floor's no-op methods, at the path of esa.CustomHostname's provider
// module (bench/cli.ts installs it there), so its serialized `__provider` is exactly as long as ours.
"use strict";

Object.assign(exports, require("bench-noop-hostname-provider"));
