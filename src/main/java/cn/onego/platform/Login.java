package cn.onego.platform;

/**
 * A PostgreSQL login: who connects and with which password.
 *
 * @param user role name, as PostgreSQL spells it
 * @param password its password; empty where the server asks for none
 */
record Login(String user, String password) {

	Login {
		user = user == null ? "" : user;
		password = password == null ? "" : password;
	}

	@Override
	public String toString() {
		return "Login[" + user + "]";
	}
}
