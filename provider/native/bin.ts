/**
 * The native provider plugin `pulumi-resource-alicloud-certs`: the engine starts it with its own address as the
 * argument, reads the port this process prints as its first line of output, and talks gRPC to it (one process per
 * provider instance). Started through the package's `bin/pulumi-resource-alicloud-certs`, which the engine finds
 * through `plugins.providers[].path` in `Pulumi.yaml` or on `PATH` (docs/native-provider.md).
 *
 * The same watchdog as the dynamic-provider host's (`resources/common/engine-watch.ts`): once the engine that started
 * this process is gone, every wait and retry stops and the process exits, so a killed `pulumi up` leaves no plugin
 * calling the API.
 */
import { EXIT_GRACE_MS, engineAddressIn, probeEngine, watchEngine, watchPipes } from "../resources/common/engine-watch";
import { readSetting } from "../settings/read";
import { SETTINGS } from "../settings/table";
import { shutDownHost } from "../util/shutdown";
import { routeProgress } from "../resources/common/host";
import { engineLogSink } from "./engine-log";
import { serve } from "./server";

/** Watch the engine whose address is among `args` (the plugin's arguments) unless the watch is turned off. */
function watch(args: readonly string[]): void {
  if (!readSetting(SETTINGS.engineWatch)) return;
  const running = watchEngine({
    address: engineAddressIn(args),
    probe: (at) => probeEngine(at),
    parentPid: () => process.ppid,
    onGone: (reason) => {
      shutDownHost(reason);
      process.stderr.write(`pulumi-resource-alicloud-certs: ${reason}; stopping every wait and exiting\n`);
      setTimeout(() => process.exit(1), EXIT_GRACE_MS);
    },
  });
  watchPipes(running, [process.stdout, process.stderr]);
}

/** Start serving, print the port (the engine reads it from the first line), and watch the engine. */
export async function main(argv: readonly string[]): Promise<void> {
  const { port } = await serve();
  process.stdout.write(`${port}\n`);
  const engine = engineAddressIn(argv);
  if (engine !== undefined) routeProgress(engineLogSink(engine));
  watch(argv);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-alicloud-certs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
