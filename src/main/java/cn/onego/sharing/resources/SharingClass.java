package cn.onego.sharing.resources;

/**
 * A resource's 共享属性 under 《政务数据共享条例》 (国务院令第809号): whether a department reads it for its duties
 * at once, only after the provider approved its request, or not at all.
 */
public enum SharingClass {

	/** 无条件共享: every department may read it for its duties, without a request (the read is still logged). */
	UNCONDITIONAL,

	/**
	 * 有条件共享: a department states purpose and legal basis, the provider's head approves or refuses with a
	 * reason; only approved and current access is served.
	 */
	CONDITIONAL,

	/** 不予共享: listed so that departments know it exists and why it is not shared; never requested or served. */
	NOT_SHARED
}
