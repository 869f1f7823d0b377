/** `delete` of `cas.DvCertificateValidation`: no API call; the order belongs to `cas.DvCertificateOrder`. */

/** Nothing to undo: the waiter wrote nothing. */
export async function deleteValidation(): Promise<void> {
  // Deliberately empty: deleting a waiter must never touch the order or its certificate.
}
