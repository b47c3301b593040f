import { v5 } from 'uuid';

/**
 * The namespace of Vendor Guard's profile UUIDs: the RFC 9562 name-based (version 5) UUID of the
 * DNS name vendor-guard.example (the project's domain, as in the Firefox add-on id). Fixed: a new
 * namespace would give every deployed profile new UUIDs.
 */
export const PROFILE_UUID_NAMESPACE = 'b11ae7fd-f62e-5e48-b5a7-904912f11ef4';

/**
 * The UUID of a configuration-profile payload: the version-5 UUID of its PayloadIdentifier in
 * PROFILE_UUID_NAMESPACE, upper-case as Apple writes them. The same identifier always gives the
 * same UUID, so re-deploying an updated profile replaces the installed one instead of adding a
 * second.
 */
export function profileUuid(payloadIdentifier: string): string {
  return v5(payloadIdentifier, PROFILE_UUID_NAMESPACE).toUpperCase();
}
