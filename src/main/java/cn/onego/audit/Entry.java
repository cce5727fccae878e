package cn.onego.audit;

import java.time.Instant;

/**
 * What one audit record says, before it has a place in a chain: who (actor, their role and scope) did what
 * (action) to what (target), when (the platform's clock, to the microsecond), why, in which request.
 */
record Entry(Instant at, String actor, String role, String scope, String action, String target, String reason,
		String requestId) {
}
