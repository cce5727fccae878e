package cn.onego.cases;

/** The round of a request to supply something: how many the case had, this one included. */
final class Rounds {

	private Rounds() {
	}

	/** The round of a new request: one more than so far (counted in the history for a case from before the count). */
	static int next(CaseFile c, Cases cases) {
		Integer rounds = c.supplements().rounds();
		return (rounds == null ? cases.supplementRequestsInHistory(c.id()) : rounds) + 1;
	}
}
