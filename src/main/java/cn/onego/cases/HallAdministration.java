package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.cases.Halls.Hall;
import cn.onego.cases.Halls.WindowCategory;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.shared.RegionCode;

/**
 * Catalogue administrators keep the halls, their windows and the window categories. A provincial administrator keeps
 * every hall of the province and the categories (which every hall shares); a city's or county's administrator the
 * halls of their region. A hall is closed, never deleted: its cases stay in its queue and new ones go to the next
 * competent hall. Every change is checked field by field first, written over the version the administrator read,
 * logged in {@code hall_change} and the audit trail, and takes effect at once on this node ({@link Halls#refresh}).
 */
@Service
public class HallAdministration {

	/** A hall as an administrator gives it; {@code version} is the one they read (for a change). */
	public record HallDefinition(String code, String name, String nameEn, String region, String address, String addressEn,
			String phone, String hours, String hoursEn, Boolean everyCategory, List<String> categories,
			List<WindowDefinition> windows, Integer version) {
	}

	/** A window of a hall; open unless said otherwise. */
	public record WindowDefinition(String number, String name, String nameEn, List<String> categories, Boolean open) {
	}

	/** A window category and the matter themes it takes over from the categories they were in. */
	public record CategoryDefinition(String code, String name, String nameEn, List<String> themes, Integer version) {
	}

	/** Close (or reopen) a hall, over the version read. */
	public record Closure(boolean closed, Integer version) {
	}

	/** One line of the administrators' log. */
	public record Change(long id, Instant at, String actor, String action, String target, String detail) {
	}

	/** The administrator's region does not cover the hall (or, for categories, is not a whole province). */
	public static class OutsideYourRegion extends Problem {

		OutsideYourRegion(String what) {
			super(HttpStatus.FORBIDDEN, "outside-your-region", Message.of("超出管理范围", "Outside your region"),
					Message.of(what + "不在您管理的行政区划内。", "The " + what + " is not in the region you administer."), List.of());
		}
	}

	private final Halls halls;
	private final HallRows rows;
	private final CatalogQueries catalog;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	HallAdministration(Halls halls, HallRows rows, CatalogQueries catalog, AuditTrail audit, TransactionTemplate transactions,
			Clock clock) {
		this.halls = halls;
		this.rows = rows;
		this.catalog = catalog;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The halls the administrator keeps, closed ones too. */
	public List<Hall> halls(Actor admin) {
		String prefix = scope(admin).prefix();
		return halls.all().stream().filter(h -> h.region().value().startsWith(prefix)).toList();
	}

	public Hall create(Actor admin, HallDefinition definition) {
		RegionCode scope = scope(admin);
		HallDirectory directory = rows.directory();
		List<FieldProblem> problems = new ArrayList<>();
		String code = HallChecks.newCode(problems, definition.code(), directory);
		Hall hall = HallChecks.hall(code, definition, directory, catalog.catalogue(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		requireWithin(scope, hall.region(), "大厅所在地区");
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (rows.exists(hall.code())) {
				throw InvalidInput.of("code", "taken", Message.of("该编码已被另一个大厅使用", "another hall has this code"));
			}
			rows.insert(hall, admin.username(), now);
			changed(admin, "hall.CREATED", hall.code(), describe(hall), now);
		});
		return refreshed(hall.code());
	}

	public Hall update(Actor admin, String code, HallDefinition definition) {
		RegionCode scope = scope(admin);
		Hall current = find(code);
		requireWithin(scope, current.region(), "该大厅");
		HallDirectory directory = rows.directory();
		List<FieldProblem> problems = new ArrayList<>();
		if (definition.version() == null) {
			problems.add(new FieldProblem("version", "required", Message.of("请提供读取时的版本号", "give the version you read")));
		}
		Hall hall = HallChecks.hall(current.code(), definition, directory, catalog.catalogue(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// moving a hall out of one's region is giving it away: the new region must be one's own too
		requireWithin(scope, hall.region(), "大厅所在地区");
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (!rows.update(hall, definition.version(), admin.username(), now)) {
				throw new ConcurrentChange("大厅", definition.version());
			}
			changed(admin, "hall.CHANGED", hall.code(), describe(hall), now);
		});
		return refreshed(hall.code());
	}

	/** Closes a hall (its cases stay; new ones go to the next competent hall) or opens it again. */
	public Hall close(Actor admin, String code, Closure closure) {
		RegionCode scope = scope(admin);
		Hall current = find(code);
		requireWithin(scope, current.region(), "该大厅");
		if (closure.version() == null) {
			throw InvalidInput.of("version", "required", Message.of("请提供读取时的版本号", "give the version you read"));
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (!rows.close(current.code(), closure.closed(), closure.version(), admin.username(), now)) {
				throw new ConcurrentChange("大厅", closure.version());
			}
			changed(admin, closure.closed() ? "hall.CLOSED" : "hall.REOPENED", current.code(), null, now);
		});
		return refreshed(current.code());
	}

	/** A new window category; only a province's administrator, as every hall shares the categories. */
	public WindowCategory createCategory(Actor admin, CategoryDefinition definition) {
		requireProvince(admin);
		List<FieldProblem> problems = new ArrayList<>();
		WindowCategory category = HallChecks.category(definition.code(), definition, true, rows.directory(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (rows.categoryExists(category.code())) {
				throw InvalidInput.of("code", "taken", Message.of("该类别编码已存在", "a category has this code"));
			}
			rows.insertCategory(category);
			changed(admin, "window-category.CREATED", category.code(), describe(category), now);
		});
		halls.refresh();
		return halls.category(category.code()).orElseThrow();
	}

	/** Renames a category or moves matter themes into it. */
	public WindowCategory updateCategory(Actor admin, String code, CategoryDefinition definition) {
		requireProvince(admin);
		WindowCategory current = halls.category(code).orElseThrow(() -> new NotFound("窗口类别", "Window category", code));
		List<FieldProblem> problems = new ArrayList<>();
		if (definition.version() == null) {
			problems.add(new FieldProblem("version", "required", Message.of("请提供读取时的版本号", "give the version you read")));
		}
		WindowCategory category = HallChecks.category(current.code(), definition, false, rows.directory(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (!rows.updateCategory(category, definition.version())) {
				throw new ConcurrentChange("窗口类别", definition.version());
			}
			changed(admin, "window-category.CHANGED", category.code(), describe(category), now);
		});
		halls.refresh();
		return halls.category(category.code()).orElseThrow();
	}

	public List<Change> changes(Actor admin, int limit) {
		scope(admin);
		return rows.changes(Math.min(Math.max(limit, 1), 500));
	}

	// ------------------------------------------------------------------ scope

	private static RegionCode scope(Actor admin) {
		if (!admin.has(Role.CATALOGUE_ADMIN) || admin.region() == null || !RegionCode.isWellFormed(admin.region())) {
			throw new OutsideYourRegion("大厅");
		}
		return RegionCode.of(admin.region());
	}

	private static void requireWithin(RegionCode scope, RegionCode region, String what) {
		if (!region.value().startsWith(scope.prefix())) {
			throw new OutsideYourRegion(what);
		}
	}

	private static void requireProvince(Actor admin) {
		RegionCode scope = scope(admin);
		if (!scope.equals(scope.province())) {
			throw new OutsideYourRegion("窗口类别（由省级管理员统一设置）");
		}
	}

	// ------------------------------------------------------------------ writing

	private Hall find(String code) {
		return halls.hall(code).orElseThrow(() -> new NotFound("政务大厅", "Hall", code));
	}

	private Hall refreshed(String code) {
		halls.refresh();
		return halls.hall(code).orElseThrow();
	}

	private void changed(Actor admin, String action, String target, String detail, Instant at) {
		rows.logChange(admin.username(), action, target, detail, at);
		audit.record(admin, action, (action.startsWith("hall.") ? "hall/" : "window-category/") + target, detail);
	}

	private static String describe(Hall h) {
		return h.name() + ", region " + h.region() + ", " + h.address() + ", " + h.phone() + ", "
				+ (h.everyCategory() ? "every category" : "categories " + h.categories()) + ", " + h.windows().size() + " windows";
	}

	private static String describe(WindowCategory c) {
		return c.name() + ", themes " + c.themes();
	}
}
