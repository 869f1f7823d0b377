/** Ids and inputs shared by the GA unit tests. */

/** A GA instance id. */
export const ACC = "ga-bp1odcab8tmno0hdq1234";
/** An HTTPS listener id. */
export const LSN = "lsr-bp1bpn0kn908w4nbw1234";
/** A CAS certificate identifier. */
export const CERT = "6092123-cn-hangzhou";
/** Inputs of one binding that pass check. */
export const GOOD = { acceleratorId: ACC, listenerId: LSN, domain: "shop.example.com", certificateId: CERT };
