package cn.onego.cases;

import java.util.EnumMap;
import java.util.Map;

/**
 * The lifecycle of a paper transfer (原件流转) between two halls. Each state declares what may be done to the parcel
 * in it and where that leads; {@link PaperTransfer}'s transitions ask this table and nothing else.
 */
public enum TransferState {

	/** 待寄出: the accepting hall holds the originals the competent departments keep; nothing has left yet. */
	AWAITING_DISPATCH,
	/** 已寄出: handed to a courier by a clerk of the accepting hall, with the tracking number. */
	IN_TRANSIT,
	/** 已签收: a clerk of the receiving hall signed for it, noting any discrepancy. Final. */
	RECEIVED;

	/** What may be done to a transfer; the Chinese name is the one an illegal attempt is refused with. */
	public enum Action {
		DISPATCH("寄出原件"),
		RECEIVE("签收原件");

		private final String zh;

		Action(String zh) {
			this.zh = zh;
		}

		public String zh() {
			return zh;
		}
	}

	private Map<Action, TransferState> actions() {
		Map<Action, TransferState> actions = new EnumMap<>(Action.class);
		switch (this) {
			case AWAITING_DISPATCH -> actions.put(Action.DISPATCH, IN_TRANSIT);
			case IN_TRANSIT -> actions.put(Action.RECEIVE, RECEIVED);
			case RECEIVED -> {
			}
		}
		return actions;
	}

	public boolean allows(Action action) {
		return actions().containsKey(action);
	}

	/** The state the action leads to; refused (409, nothing changed) where this state does not allow it. */
	public TransferState after(Action action) {
		TransferState next = actions().get(action);
		if (next == null) {
			throw new IllegalTransition("原件流转", this, action.zh());
		}
		return next;
	}

	public boolean isFinal() {
		return actions().isEmpty();
	}
}
