/**
 * GA read actions. Reads never take or respect the write lock: the docs say only queries are allowed while a
 * listener is `updating`, which is exactly how callers poll for completion.
 */
import { type ActionDefinition } from "../../../core/contract";
import { certificatePage } from "../model/certificate-page";
import { findAccelerator, findListener, listenersOf } from "../lookups";
import { optionalInt, pageOf, paging, parseRole, requireParam, requireRegion } from "../params";
import { type GaState } from "../state";
import { acceleratorView, listenerDescribeView, listenerListView } from "../views";

const listAccelerators: ActionDefinition<GaState> = {
  required: ["RegionId"],
  write: false,
  handler: (call, state) => {
    requireRegion(call.params);
    const paged = paging(call.params);
    const id = call.params["AcceleratorId"];
    const wanted = call.params["State"];
    const matching = Object.values(state.accelerators).filter(
      (a) =>
        (id === undefined || id === "" || a.acceleratorId === id) &&
        (wanted === undefined || wanted === "" || a.state === wanted),
    );
    return pageOf("Accelerators", matching, paged, acceleratorView);
  },
};

const describeAccelerator: ActionDefinition<GaState> = {
  required: ["RegionId", "AcceleratorId"],
  write: false,
  handler: (call, state) => {
    requireRegion(call.params);
    return acceleratorView(findAccelerator(state, requireParam(call.params, "AcceleratorId")));
  },
};

const listListeners: ActionDefinition<GaState> = {
  required: ["RegionId", "AcceleratorId"],
  write: false,
  handler: (call, state) => {
    requireRegion(call.params);
    const accelerator = findAccelerator(state, requireParam(call.params, "AcceleratorId"));
    const paged = paging(call.params);
    const protocol = call.params["Protocol"];
    const matching = listenersOf(state, accelerator.acceleratorId).filter(
      (l) => protocol === undefined || protocol === "" || l.protocol === protocol.toUpperCase(),
    );
    return pageOf("Listeners", matching, paged, listenerListView);
  },
};

const describeListener: ActionDefinition<GaState> = {
  required: ["RegionId", "ListenerId"],
  write: false,
  handler: (call, state) => {
    requireRegion(call.params);
    return listenerDescribeView(findListener(state, requireParam(call.params, "ListenerId")));
  },
};

const listListenerCertificates: ActionDefinition<GaState> = {
  required: ["RegionId", "AcceleratorId", "ListenerId"],
  write: false,
  handler: (call, state) => {
    requireRegion(call.params);
    const accelerator = findAccelerator(state, requireParam(call.params, "AcceleratorId"));
    const listener = findListener(state, requireParam(call.params, "ListenerId"), accelerator.acceleratorId);
    const role = parseRole(call.params["Role"]);
    const maxResults = optionalInt(call.params, "MaxResults", 1, 50, 20);
    return certificatePage(listener, role, maxResults, call.params["NextToken"]);
  },
};

/** The read actions by name. */
export const gaReadActions: Readonly<Record<string, ActionDefinition<GaState>>> = {
  ListAccelerators: listAccelerators,
  DescribeAccelerator: describeAccelerator,
  ListListeners: listListeners,
  DescribeListener: describeListener,
  ListListenerCertificates: listListenerCertificates,
};
