package cn.onego.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.clock.Deadline.Colour;
import cn.onego.identity.Actor;
import cn.onego.platform.NotFound;
import cn.onego.shared.Label;

/**
 * The post-verifications (事后核查) of commitments as lists: a department's, with the case, the committed materials
 * and the colour of the due day, and a case's own for its page. Apart from {@link PostVerification}, which decides
 * them, because reading them is what {@link CaseQueries} does and deciding is not.
 */
@Component
class VerificationLists {

	private final Cases cases;
	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final TaskClocks clocks;

	VerificationLists(Cases cases, JdbcClient jdbc, CatalogQueries catalog, TaskClocks clocks) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clocks = clocks;
	}

	static final int VERIFICATION_WARNING_DAYS = 5;

	List<CaseQueries.DueVerification> of(Actor reviewer, String department) {
		if (!reviewer.memberOf(department)) {
			throw new CaseProblems.NotYours("核查任务");
		}
		Catalogue catalogue = catalog.catalogue();
		LocalDate today = clocks.today();
		return jdbc.sql("SELECT * FROM verification WHERE department = ? ORDER BY state, due_on").param(department)
			.query((rs, n) -> verification(rs))
			.list()
			.stream()
			.map(v -> due(v, find(CaseId.of(v.caseId())), cases.task(TaskId.of(v.taskId())).orElse(null), catalogue, today))
			.toList();
	}

	private static CaseQueries.DueVerification due(CaseQueries.Verification v, CaseFile c, Task task, Catalogue catalogue, LocalDate today) {
		var item = task == null ? java.util.Optional.<cn.onego.catalog.Item>empty() : catalogue.item(task.item());
		List<String> ofItem = item.map(i -> i.materials().stream().map(cn.onego.catalog.Item.ItemMaterial::material).toList())
			.orElse(List.of());
		List<Label> materials = c.terms().commitments().stream()
			.filter(code -> ofItem.isEmpty() || ofItem.contains(code))
			.map(code -> catalogue.material(code).map(m -> m.name()).orElse(Label.of("告知承诺材料", "a material on commitment")))
			.toList();
		Colour colour = !"PENDING".equals(v.state()) || v.dueOn() == null ? null
				: today.isAfter(v.dueOn()) ? Colour.RED
						: today.plusDays(VERIFICATION_WARNING_DAYS).isBefore(v.dueOn()) ? Colour.GREEN : Colour.YELLOW;
		return new CaseQueries.DueVerification(v.id(), v.caseId(), v.taskId(), v.department(), v.dueOn(), v.state(), v.finding(),
				v.decidedBy(), v.decidedAt(), c.number().value(), c.applicant().name(), item.map(i -> i.name()).orElse(null),
				materials, colour);
	}

	List<CaseQueries.Verification> ofCase(CaseId caseId) {
		return jdbc.sql("SELECT * FROM verification WHERE case_id = ? ORDER BY due_on").param(caseId.value())
			.query((rs, n) -> verification(rs))
			.list();
	}

	private static CaseQueries.Verification verification(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CaseQueries.Verification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("task_id", UUID.class), rs.getString("department"), rs.getObject("due_on", LocalDate.class),
				rs.getString("state"), rs.getString("finding"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());
	}

	private CaseFile find(CaseId caseId) {
		return cases.find(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
	}
}
