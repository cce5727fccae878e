package cn.onego.cases;

import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.application.UploadedMaterials;
import cn.onego.shared.RegionCode;

/**
 * The cases that ended with their results issued (已出件), as facts about how each went — for the measured reduction
 * metrics and for replaying history under a draft catalogue. One read for every such use, so that they count the same
 * cases the same way. Nothing personal: no applicant, no delivery address, only what happened when and where.
 */
@Service
public class ClosedCases {

	/** Channels by which the applicant came to a hall to hand the application in (a counter or a kiosk there). */
	static final Set<String> AT_A_HALL = Set.of("WINDOW", "KIOSK", "PARTNER");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final UploadedMaterials uploads;

	ClosedCases(JdbcClient jdbc, UploadedMaterials uploads) {
		this.jdbc = jdbc;
		this.uploads = uploads;
	}

	/**
	 * One issued case.
	 *
	 * @param region the competent region, whose calendar counts its working days
	 * @param channel how it came in ({@code WINDOW}, {@code ONLINE} …)
	 * @param submittedOn the day it was submitted, in China's time
	 * @param issuedOn the day the result was handed over or mailed
	 * @param collectedAtWindow the result was collected at the exit window, not mailed
	 * @param windowSupplies the days on which a window clerk took supplied materials in for the applicant
	 * @param uploadedMaterials the materials the applicant handed in: uploaded with the application, or supplied later
	 *        (online or through a window clerk); null when
	 *        the application is not kept here (a case forwarded by a partner, or generated history)
	 */
	public record ClosedCase(CaseId id, UUID applicationId, String matter, String region, String hall, String channel,
			LocalDate submittedOn, LocalDate issuedOn, boolean collectedAtWindow, int windowSupplies,
			Integer uploadedMaterials) {

		/**
		 * Visits to a hall the case cost its applicant: handing it in at a counter or kiosk, each day supplies were
		 * handed in at a window, and collecting the result at the exit window.
		 */
		public int trips() {
			return (AT_A_HALL.contains(channel) ? 1 : 0) + windowSupplies + (collectedAtWindow ? 1 : 0);
		}
	}

	/** The cases of the matter issued on or after {@code since}, in the region and its subdivisions (all when null). */
	public List<ClosedCase> issued(String matter, RegionCode region, LocalDate since) {
		return issued(matter, (region == null ? "" : region.prefix()) + "%", since);
	}

	/**
	 * A matter and a competent region with issued cases: the unit in which {@link #issuedIn} reads them, so that a
	 * reader of every issued case holds one such group in memory at a time.
	 */
	public record Scope(String matter, RegionCode region) {
	}

	/** The matters and competent regions of the cases issued on or after {@code since}. */
	public List<Scope> issuedScopes(LocalDate since) {
		return jdbc.sql("""
				SELECT DISTINCT matter, region FROM case_file
				WHERE state = 'ISSUED' AND closed_at >= ?
				ORDER BY matter, region""")
			.param(java.sql.Timestamp.from(since.atStartOfDay(CHINA).toInstant()))
			.query((rs, n) -> new Scope(rs.getString(1), RegionCode.of(rs.getString(2))))
			.list();
	}

	/** The cases of the scope's matter issued on or after {@code since} in exactly its region (not its subdivisions). */
	public List<ClosedCase> issuedIn(Scope scope, LocalDate since) {
		// a region code holds digits alone, so the pattern without a wildcard is the region itself
		return issued(scope.matter(), scope.region().value(), since);
	}

	private List<ClosedCase> issued(String matter, String regionPattern, LocalDate since) {
		record Row(CaseId id, UUID application, String matter, String region, String hall, String channel, Instant submitted,
				Instant closed, String method, int windowSupplies, Set<String> supplied) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT c.id, c.application_id, c.matter, c.region, c.hall, c.channel, c.submitted_at, c.closed_at, c.issue ->> 'method',
				    (SELECT count(DISTINCT (s.supplied_at AT TIME ZONE 'Asia/Shanghai')::date) FROM case_supplied_file s
				     WHERE s.case_id = c.id AND s.supplied_by = 'WINDOW_CLERK'),
				    ARRAY(SELECT DISTINCT s.material FROM case_supplied_file s WHERE s.case_id = c.id)
				FROM case_file c
				WHERE c.state = 'ISSUED' AND c.matter = ? AND c.region LIKE ? AND c.closed_at >= ?
				ORDER BY c.closed_at, c.id""")
			.param(matter)
			.param(regionPattern)
			.param(java.sql.Timestamp.from(since.atStartOfDay(CHINA).toInstant()))
			.query((rs, n) -> {
				Array supplied = rs.getArray(11);
				return new Row(new CaseId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
						rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getInt(10), Set.of((String[]) supplied.getArray()));
			})
			.list();
		Map<UUID, Set<String>> uploaded = uploads.of(rows.stream().map(Row::application).toList());
		List<ClosedCase> cases = new ArrayList<>(rows.size());
		for (Row r : rows) {
			Set<String> withApplication = uploaded.get(r.application());
			Integer materials = null;
			if (withApplication != null) {
				Set<String> all = new HashSet<>(withApplication);
				all.addAll(r.supplied());
				materials = all.size();
			}
			cases.add(new ClosedCase(r.id(), r.application(), r.matter(), r.region(), r.hall(), r.channel(),
					r.submitted().atZone(CHINA).toLocalDate(), r.closed().atZone(CHINA).toLocalDate(),
					!"FREE_MAIL".equals(r.method()), r.windowSupplies(), materials));
		}
		return cases;
	}
}
