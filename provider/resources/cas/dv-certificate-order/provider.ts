/**
 * The provider of `cas.DvCertificateOrder`, as a module: this module's exports object *is* the provider. Pulumi
 * serializes an object that is the exports of an installed module as one `require("pulumi-alicloud-certs/dist/…")`
 * (instead of re-emitting each method as text), which keeps `__provider` a few hundred bytes. Each method is a
 * one-line delegation; nothing here holds a client, config or credential (those are built in the host at call time).
 */
import type * as pulumi from "@pulumi/pulumi";
import { type PropertyBag } from "../../common/dynamic";
import { configureHost } from "../../common/host";
import { checkOrder } from "./check";
import { diffOrder } from "./diff";
import { createOrder, readOrder, updateOrder } from "./read";
import { deleteOrder } from "./delete";

/** Receive the stack config (credentials and endpoints are resolved from it at call time). */
export const configure = async (req: pulumi.dynamic.ConfigureRequest): Promise<void> => configureHost(req.config);
/** See {@link checkOrder}. */
export const check = (olds: PropertyBag, news: PropertyBag): ReturnType<typeof checkOrder> => checkOrder(olds, news);
/** See {@link diffOrder}. */
export const diff = async (id: string, olds: PropertyBag, news: PropertyBag): Promise<pulumi.dynamic.DiffResult> =>
  diffOrder(id, olds, news);
/** See {@link createOrder}. */
export const create = (inputs: PropertyBag): ReturnType<typeof createOrder> => createOrder(inputs);
/** See {@link readOrder}. */
export const read = (id: string, props?: PropertyBag): ReturnType<typeof readOrder> => readOrder(id, props ?? {});
/** See {@link updateOrder}. */
export const update = (id: string, olds: PropertyBag, news: PropertyBag): ReturnType<typeof updateOrder> =>
  updateOrder(id, olds, news);
/** See {@link deleteOrder}. */
const remove = (id: string, props: PropertyBag): Promise<void> => deleteOrder(id, props);
export { remove as delete };
