package cn.onego.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.clock.Calendars;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.shared.RegionCode;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.platform.Text;

/**
 * The handling of a bad rating (谁办理、谁负责): verify it (回访核实), rectify when it is justified,
 * call the applicant back (回访) and record the result. Overdue ones show red.
 */
@Service
public class Rectifications {

	/** OPEN → VERIFIED → RECTIFIED → CLOSED; an unjustified complaint is explained and closed after the callback. */
	public enum State {
		OPEN, VERIFIED, RECTIFIED, CLOSED
	}

	/**
	 * A rectification with what its handlers receive: the rated case by number, the rating's level and comment,
	 * the matter it was about.
	 */
	public record Rectification(UUID id, UUID ratingId, UUID caseId, String responsible, State state, LocalDate dueOn,
			String finding, Boolean justified, String measures, String callback, String callbackNote, Instant openedAt,
			Instant closedAt, int version, String colour, boolean dueProvisional, String caseNumber, Level level, String comment,
			String matter, Instant ratedAt) {
	}

	// every read shows the rating with its rectification
	private static final String WITH_RATING = """
			SELECT x.*, r.case_number AS rated_case_number, r.level AS rated_level, r.comment AS rated_comment,
			  r.matter AS rated_matter, r.rated_at AS rated_at
			FROM rectification x JOIN rating r ON r.id = x.rating_id
			""";

	/** What the applicant said when called back about the rectification. */
	public enum Callback {
		SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE
	}

	private final JdbcClient jdbc;
	private final RatingDays days;
	private final Calendars calendars;
	private final Clock clock;

	Rectifications(JdbcClient jdbc, RatingDays days, Calendars calendars, Clock clock) {
		this.jdbc = jdbc;
		this.days = days;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * The rectifications a hall or department owes: for its own staff, and for supervisors those of cases in
	 * their region and below.
	 */
	public List<Rectification> of(Actor actor, String responsible, State state) {
		if (may(actor, responsible)) {
			return jdbc.sql(WITH_RATING + "WHERE x.responsible = ? AND (?::text IS NULL OR x.state = ?) ORDER BY x.due_on NULLS LAST")
				.params(responsible, state == null ? null : state.name(), state == null ? null : state.name())
				.query((rs, n) -> row(rs))
				.list();
		}
		if (actor.has(Role.SUPERVISOR) && actor.region() != null) {
			return jdbc.sql(WITH_RATING + """
					WHERE x.responsible = ? AND (?::text IS NULL OR x.state = ?) AND r.region LIKE ?
					ORDER BY x.due_on NULLS LAST""")
				.params(responsible, state == null ? null : state.name(), state == null ? null : state.name(),
						RegionCode.of(actor.region()).prefix() + "%")
				.query((rs, n) -> row(rs))
				.list();
		}
		throw new NotResponsible();
	}

	public Rectification ofCase(UUID caseId) {
		return jdbc.sql(WITH_RATING + "WHERE x.case_id = ?").param(caseId).query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> new NotFound("整改", "Rectification", caseId.toString()));
	}

	public Rectification verify(Actor actor, UUID id, int version, String finding, boolean justified) {
		mayAct(actor, id);
		require(finding, "finding", "请写明核实情况", "give the finding");
		return move(actor, id, version, State.OPEN, State.VERIFIED, "finding = ?, justified = ?", finding.trim(), justified);
	}

	public Rectification rectify(Actor actor, UUID id, int version, String measures) {
		mayAct(actor, id);
		require(measures, "measures", "请写明整改措施", "give the measures taken");
		Rectification r = find(id);
		if (Boolean.FALSE.equals(r.justified())) {
			throw new Illegal(r.state(), "整改（核实为不实差评，应解释说明后回访）");
		}
		return move(actor, id, version, State.VERIFIED, State.RECTIFIED, "measures = ?", measures.trim());
	}

	/** The callback closes it: after rectification, or after verifying that the complaint was not justified. */
	public Rectification callBack(Actor actor, UUID id, int version, Callback result, String note) {
		mayAct(actor, id);
		if (result == null) {
			throw InvalidInput.of("result", "required", Message.of("请记录回访结果", "record the callback's result"));
		}
		Text.require("note", note, Text.Kind.FREE_TEXT, Text.REASON);
		Rectification r = find(id);
		State from = Boolean.FALSE.equals(r.justified()) ? State.VERIFIED : State.RECTIFIED;
		return move(actor, id, version, from, State.CLOSED, "callback = ?, callback_note = ?, closed_at = ?", result.name(),
				note == null ? null : note.trim(), Timestamp.from(clock.instant()));
	}

	private Rectification move(Actor actor, UUID id, int version, State from, State to, String set, Object... values) {
		Rectification r = find(id);
		if (!may(actor, r.responsible())) {
			throw new NotResponsible();
		}
		if (r.state() != from) {
			throw new Illegal(r.state(), to.name());
		}
		Object[] params = new Object[values.length + 5];
		params[0] = to.name();
		System.arraycopy(values, 0, params, 1, values.length);
		params[values.length + 1] = "[{\"to\":\"" + to + "\",\"by\":\"" + actor.username() + "\",\"at\":\"" + clock.instant() + "\"}]";
		params[values.length + 2] = id;
		params[values.length + 3] = version;
		params[values.length + 4] = from.name();
		String update = "UPDATE rectification SET state = ?, " + set
				+ ", history = history || ?::jsonb, version = version + 1 WHERE id = ? AND version = ? AND state = ?";
		// closing changes the satisfaction figures: counted in the same statement (RatingDays)
		int updated = to == State.CLOSED ? days.closing(update, params) : jdbc.sql(update).params(params).update();
		if (updated != 1) {
			throw new Illegal(r.state(), "version " + version + " is not the current " + r.version());
		}
		return find(id);
	}

	private Rectification find(UUID id) {
		return jdbc.sql(WITH_RATING + "WHERE x.id = ?").param(id).query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> new NotFound("整改", "Rectification", id.toString()));
	}

	/** The department's staff answer for a department; the hall's window clerks for a hall. */
	/** Only the hall or department responsible acts on a rectification; checked before anything else. */
	private void mayAct(Actor actor, UUID id) {
		if (!may(actor, find(id).responsible())) {
			throw new NotResponsible();
		}
	}

	private static boolean may(Actor actor, String responsible) {
		return actor.memberOf(responsible) || actor.clerkOf(responsible);
	}

	private Rectification row(java.sql.ResultSet rs) throws java.sql.SQLException {
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		State state = State.valueOf(rs.getString("state"));
		boolean overdue = due != null && state != State.CLOSED && LocalDate.now(clock).isAfter(due);
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Rectification(rs.getObject("id", UUID.class), rs.getObject("rating_id", UUID.class),
				rs.getObject("case_id", UUID.class), rs.getString("responsible"), state, due, rs.getString("finding"),
				(Boolean) rs.getObject("justified"), rs.getString("measures"), rs.getString("callback"),
				rs.getString("callback_note"), rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
				rs.getInt("version"), overdue ? "RED" : "GREEN", due != null && !calendars.national().loaded(due),
				rs.getString("rated_case_number"), Level.of(rs.getInt("rated_level")), rs.getString("rated_comment"),
				rs.getString("rated_matter"), rs.getTimestamp("rated_at").toInstant());
	}

	private static void require(String value, String field, String zh, String en) {
		if (value == null || value.isBlank()) {
			throw InvalidInput.of(field, "required", Message.of(zh, en));
		}
		Text.require(field, value, Text.Kind.FREE_TEXT, Text.REASON);
	}

	/** Not this department's or hall's rectification. */
	public static class NotResponsible extends Problem {

		public NotResponsible() {
			super(HttpStatus.FORBIDDEN, "not-responsible", Message.of("无权处理", "Not responsible"),
					Message.of("该差评整改不属于您的部门或窗口。", "This rectification belongs to another department or window."), List.of());
		}
	}

	/** The step does not follow from the rectification's state (or version). */
	public static class Illegal extends Problem {

		Illegal(State state, String step) {
			super(HttpStatus.CONFLICT, "illegal-transition", Message.of("当前状态不允许此操作", "Not allowed in the current state"),
					Message.of("整改当前为 " + state + "，不能执行：" + step, "The rectification is " + state + "; not allowed: " + step),
					List.of());
		}
	}
}
