package cn.onego.catalog;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * A matter being composed, and its four-eyes lifecycle: its author edits and submits it; another catalogue
 * administrator publishes it or sends it back with a reason. Every transition checks the state and who
 * takes it; the version guards against two people acting on the same draft at once.
 */
final class MatterDraft {

	private final UUID id;
	private final String replaces;
	private final String author;
	private final Instant createdAt;
	private final int version;
	private ComposedMatter content;
	private DraftState state;
	private String reviewer;
	private String sentBackReason;
	private Long catalogueVersion;
	private Instant updatedAt;

	MatterDraft(UUID id, String replaces, ComposedMatter content, DraftState state, String author, String reviewer,
			String sentBackReason, Long catalogueVersion, int version, Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.replaces = replaces;
		this.content = content;
		this.state = state;
		this.author = author;
		this.reviewer = reviewer;
		this.sentBackReason = sentBackReason;
		this.catalogueVersion = catalogueVersion;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static MatterDraft start(String replaces, ComposedMatter content, String author, Instant now) {
		return new MatterDraft(UUID.randomUUID(), replaces, content, DraftState.DRAFT, author, null, null, null, 0, now, now);
	}

	/** Only its author edits a draft, and only while it is a draft: what the reviewer sees is what they approve. */
	void edit(ComposedMatter changed, String who, Instant now) {
		mustBe(DraftState.DRAFT, "edit", "编辑");
		mustBeAuthor(who);
		content = changed;
		updatedAt = now;
	}

	void submit(String who, Instant now) {
		mustBeAuthor(who);
		moveTo(DraftState.IN_REVIEW, "submit", "提交审核");
		sentBackReason = null;
		updatedAt = now;
	}

	void sendBack(String who, String reason, Instant now) {
		mustNotBeAuthor(who);
		moveTo(DraftState.DRAFT, "send back", "退回");
		reviewer = who;
		sentBackReason = reason;
		updatedAt = now;
	}

	/** Checks that {@code who} may publish the draft now; {@link #published} records that it was. */
	void checkPublishableBy(String who) {
		mustNotBeAuthor(who);
		if (!state.mayBecome(DraftState.PUBLISHED)) {
			throw new DraftInWrongState(state, "publish", "发布");
		}
	}

	void published(String who, long inVersion, Instant now) {
		checkPublishableBy(who);
		state = DraftState.PUBLISHED;
		reviewer = who;
		catalogueVersion = inVersion;
		updatedAt = now;
	}

	private void moveTo(DraftState next, String verb, String verbZh) {
		if (!state.mayBecome(next)) {
			throw new DraftInWrongState(state, verb, verbZh);
		}
		state = next;
	}

	private void mustBe(DraftState expected, String verb, String verbZh) {
		if (state != expected) {
			throw new DraftInWrongState(state, verb, verbZh);
		}
	}

	private void mustBeAuthor(String who) {
		if (!author.equals(who)) {
			throw new NotTheAuthor();
		}
	}

	private void mustNotBeAuthor(String who) {
		if (author.equals(who)) {
			throw new OwnDraftReviewed();
		}
	}

	UUID id() {
		return id;
	}

	String replaces() {
		return replaces;
	}

	ComposedMatter content() {
		return content;
	}

	DraftState state() {
		return state;
	}

	String author() {
		return author;
	}

	String reviewer() {
		return reviewer;
	}

	String sentBackReason() {
		return sentBackReason;
	}

	Long catalogueVersion() {
		return catalogueVersion;
	}

	int version() {
		return version;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	/** Four eyes: the author of a draft may not review it. */
	public static class OwnDraftReviewed extends Problem {

		OwnDraftReviewed() {
			super(HttpStatus.FORBIDDEN, "four-eyes", Message.of("不能审核自己编写的一件事", "You cannot review your own draft"),
					Message.of("一件事草稿须由编写人以外的另一位目录管理员审核发布或退回。",
							"A draft matter is published or sent back by a catalogue administrator other than its author."),
					java.util.List.of());
		}
	}

	/** Only a draft's author edits and submits it. */
	public static class NotTheAuthor extends Problem {

		NotTheAuthor() {
			super(HttpStatus.FORBIDDEN, "not-the-author", Message.of("只有编写人可以修改或提交草稿", "Only the author may change this draft"),
					Message.of("草稿只能由其编写人修改和提交审核；如需修改，请退回编写人。",
							"Only the draft's author edits it and submits it for review; send it back to the author for changes."),
					java.util.List.of());
		}
	}

	/** The step does not fit where the draft stands. */
	public static class DraftInWrongState extends Problem {

		DraftInWrongState(DraftState state, String verb, String verbZh) {
			super(HttpStatus.CONFLICT, "draft-state", Message.of("草稿当前状态不允许此操作", "Not possible in the draft's state"),
					Message.of("草稿处于“" + zh(state) + "”状态，不能" + verbZh + "。",
							"The draft is " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " and cannot "
									+ verb + " now."),
					java.util.List.of());
		}

		private static String zh(DraftState state) {
			return switch (state) {
				case DRAFT -> "编写中";
				case IN_REVIEW -> "待审核";
				case PUBLISHED -> "已发布";
			};
		}
	}

	/** Someone else changed the draft since it was read. */
	public static class StaleDraft extends Problem {

		StaleDraft() {
			super(HttpStatus.CONFLICT, "stale-draft", Message.of("草稿已被修改", "Draft changed meanwhile"),
					Message.of("草稿在您读取后已被修改，请刷新后重试。", "The draft changed since you read it; reload it and try again."),
					java.util.List.of());
		}
	}
}
