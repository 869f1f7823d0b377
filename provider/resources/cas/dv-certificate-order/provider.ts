/**
 * The provider object of `cas.DvCertificateOrder`: this module's exports object *is* the provider. Pulumi serializes
 * an object that is the exports of an installed module as one
 * `require("pulumi-alicloud-certs/dist/provider/resources/cas/dv-certificate-order/provider.js")` (instead of
 * re-emitting each method as text), which keeps `__provider` a few hundred bytes. That path is stored state: never
 * move this file. Each method is one line: it resolves the host's client (only provider files do) and delegates;
 * nothing here holds a client, config or credential (those are built in the host at call time).
 */
import type * as pulumi from "@pulumi/pulumi";
import { type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { clockFromEnv } from "../../../util/clock";
import { reported } from "../../common/reported";
import { checkOrder } from "./check";
import { createOrder } from "./create";
import { deleteOrder } from "./delete";
import { diffOrderReading } from "./diff";
import { readOrder } from "./read";
import { updateOrder } from "./update";

export { configure } from "../../common/host";
/** See {@link checkOrder}. */
export const check = (olds: PropertyBag, news: PropertyBag): ReturnType<typeof checkOrder> => checkOrder(olds, news);
/** See {@link diffOrderReading}. */
export const diff = async (id: string, olds: PropertyBag, news: PropertyBag): Promise<pulumi.dynamic.DiffResult> =>
  diffOrderReading(hostClient(), id, olds, news, await clockFromEnv()());
/** See {@link createOrder}. */
export const create = (inputs: PropertyBag): ReturnType<typeof createOrder> => createOrder(hostClient(), inputs);
/** See {@link readOrder}. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readOrder> =>
  reported(readOrder(hostClient(), id, props ?? {}, clockFromEnv()));
/** See {@link updateOrder}. */
export const update = (id: string, olds: PropertyBag, news: PropertyBag): ReturnType<typeof updateOrder> =>
  updateOrder(hostClient(), id, olds, news);
/** See {@link deleteOrder}. */
const remove = (id: string, props: PropertyBag): Promise<void> => reported(deleteOrder(hostClient(), id, props));
export { remove as delete };
