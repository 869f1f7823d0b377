/**
 * Listener port rules from GA's documented error table, applied to seeded listeners: no emulated API action creates
 * or changes a listener, so a seed file is the only place a listener's port can be wrong. TCP, HTTP and HTTPS share
 * the TCP port space; UDP has its own.
 */
import { portConflict, systemPort, udpPortReserved } from "../errors";
import type { ListenerRecord } from "../state";

const RESERVED_UDP_PORTS = new Set([250, 4789, 4790]);
const FIRST_SYSTEM_PORT = 65_500;

/** Throws the documented code for the first listener whose port breaks a rule. */
export function checkListenerPorts(listeners: readonly ListenerRecord[]): void {
  const used = new Set<string>();
  for (const listener of listeners) {
    if (listener.port >= FIRST_SYSTEM_PORT) throw systemPort();
    const transport = listener.protocol === "UDP" ? "udp" : "tcp";
    if (transport === "udp" && RESERVED_UDP_PORTS.has(listener.port)) throw udpPortReserved();
    const key = `${transport}:${listener.port}`;
    if (used.has(key)) throw portConflict(listener.port);
    used.add(key);
  }
}
