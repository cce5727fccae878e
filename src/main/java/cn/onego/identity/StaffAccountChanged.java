package cn.onego.identity;

/**
 * An administrator changed a staff account: who may work here, in which role and scope. Published in the
 * change's transaction, so that what records it (the audit trail) commits with it.
 *
 * @param username the account
 * @param change what happened to it
 * @param detail the roles and scope it was given, or empty
 * @param by the administrator's username
 */
public record StaffAccountChanged(String username, Change change, String detail, String by) {

	public enum Change {
		CREATED, DISABLED, ENABLED, EDITED, PASSWORD_RESET
	}
}
