package cn.onego.sharing.resources;

/** How often a registry brings a resource up to date (更新周期), so that a reader knows how fresh it is. */
public enum UpdateFrequency {
	REAL_TIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY
}
