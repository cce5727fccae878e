package cn.onego.catalog;

import java.util.Set;

/** Where a composed matter stands on its way into the catalogue (four eyes: its author never publishes it). */
public enum DraftState {

	/** Being composed by its author, who alone edits it; sent back here by a reviewer with the reason. */
	DRAFT,
	/** Submitted by its author: frozen, waiting for another catalogue administrator to publish it or send it back. */
	IN_REVIEW,
	/** Approved by a second administrator and imported: the matter is in the catalogue version noted on the draft. */
	PUBLISHED;

	/** The states this one may move to. */
	public Set<DraftState> successors() {
		return switch (this) {
			case DRAFT -> Set.of(IN_REVIEW);
			case IN_REVIEW -> Set.of(DRAFT, PUBLISHED);
			case PUBLISHED -> Set.of();
		};
	}

	public boolean mayBecome(DraftState next) {
		return successors().contains(next);
	}
}
