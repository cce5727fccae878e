package cn.onego.identity;

import static cn.onego.identity.Role.APPLICANT;
import static cn.onego.identity.Role.CATALOGUE_ADMIN;
import static cn.onego.identity.Role.CREDIT_ADMIN;
import static cn.onego.identity.Role.DEPARTMENT_HEAD;
import static cn.onego.identity.Role.METRICS_READER;
import static cn.onego.identity.Role.REVIEWER;
import static cn.onego.identity.Role.SUPERVISOR;
import static cn.onego.identity.Role.SYSTEM_ADMIN;
import static cn.onego.identity.Role.WINDOW_CLERK;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The rule of every route, as data: which requests are public, which need a signed-in user, which need one of
 * some roles. The security configuration enforces these rules in order (the first that matches decides, and
 * an endpoint no rule matches is refused); the API description states them per operation. Whose data a
 * caller then reaches is decided where the data is read, by each module's access rules.
 */
public final class Routes {

	/** Who may call: anybody, anybody signed in, or a user with one of the roles. */
	public sealed interface Access {

		record Public() implements Access {
		}

		record SignedIn() implements Access {
		}

		record Roles(Set<Role> roles) implements Access {

			public Roles {
				roles = Set.copyOf(roles);
			}
		}
	}

	/** Requests of a method (any method when null) to paths matching any of the patterns. */
	public record Rule(HttpMethod method, List<String> patterns, Access access) {
	}

	private static final Access PUBLIC = new Access.Public();
	private static final Access SIGNED_IN = new Access.SignedIn();
	private static final HttpMethod ANY = null;

	/** In order: the first rule matching a request decides. */
	public static final List<Rule> RULES = List.of(
			// pages, assets, sign-in and errors
			rule(HttpMethod.GET, PUBLIC, "/", "/*.html", "/assets/**", "/webjars/**", "/favicon.ico"),
			rule(ANY, PUBLIC, "/error"),
			rule(HttpMethod.POST, PUBLIC, "/login", "/logout"),
			rule(HttpMethod.GET, PUBLIC, "/login/citizen", "/login/staff", "/oauth2/authorization/*", "/login/oauth2/code/*",
					"/api/v1/sign-in"),
			rule(HttpMethod.GET, PUBLIC, "/actuator/health", "/actuator/health/**", "/actuator/info"),
			// the metrics, for the monitoring system's own account (or an administrator looking)
			rule(HttpMethod.GET, roles(SYSTEM_ADMIN, METRICS_READER), "/actuator/prometheus"),
			rule(ANY, roles(SYSTEM_ADMIN), "/actuator/**"),
			// public reading: the catalogue, the lists, the calendar, guidance and the progress look-up
			rule(HttpMethod.GET, PUBLIC, "/api/v1/matters", "/api/v1/matters/*", "/api/v1/matters/*/metrics",
					"/api/v1/matters/*/consent-scope", "/api/v1/items/*", "/api/v1/department-types", "/api/v1/data-elements",
					"/api/v1/materials", "/api/v1/regions", "/api/v1/regions/*", "/api/v1/departments", "/api/v1/departments/*",
					"/api/v1/parks", "/api/v1/public-lists/*/*", "/api/v1/metrics/regions/*", "/api/v1/calendar/**",
					"/api/v1/progress", "/api/v1/national-key-matters"),
			// the service halls and the categories of their windows, for anyone looking for where to go
			rule(HttpMethod.GET, PUBLIC, "/api/v1/halls", "/api/v1/window-categories"),
			rule(HttpMethod.POST, PUBLIC, "/api/v1/matters/*/guidance"),
			rule(HttpMethod.GET, PUBLIC, "/api/v1/matters/*/guide", "/api/v1/matters/*/guide.pdf"),
			// the shared-resource catalogue is public; departments ask for, answer and read its resources
			rule(HttpMethod.GET, PUBLIC, "/api/v1/shared-resources", "/api/v1/shared-resources/*"),
			rule(HttpMethod.POST, roles(REVIEWER, DEPARTMENT_HEAD), "/api/v1/shared-resources/*/access-requests",
					"/api/v1/shared-resources/*/reads"),
			rule(HttpMethod.GET, roles(REVIEWER, DEPARTMENT_HEAD), "/api/v1/access-requests"),
			rule(HttpMethod.POST, roles(DEPARTMENT_HEAD), "/api/v1/access-requests/*/approval", "/api/v1/access-requests/*/refusal",
					"/api/v1/access-requests/*/revocation"),
			// e-licences: verified by anyone (rate-limited), the issuers' public keys; revoked by an administrator or the
			// issuing department's head (checked in the module)
			rule(HttpMethod.GET, PUBLIC, "/api/v1/e-licences/verification", "/api/v1/e-licences/types", "/api/v1/e-licences/issuer-keys"),
			rule(HttpMethod.POST, roles(SYSTEM_ADMIN, DEPARTMENT_HEAD), "/api/v1/e-licences/*/revocation"),
			// official documents: verified by anyone (rate-limited), by QR or by uploading the PDF
			rule(HttpMethod.GET, PUBLIC, "/api/v1/documents/verification"),
			rule(HttpMethod.POST, PUBLIC, "/api/v1/documents/verification"),
			// administration
			rule(ANY, roles(CATALOGUE_ADMIN), "/api/v1/admin/catalog/**", "/api/v1/admin/calendar/**"),
			rule(ANY, roles(CATALOGUE_ADMIN), "/api/v1/admin/halls", "/api/v1/admin/halls/**", "/api/v1/admin/window-categories",
					"/api/v1/admin/window-categories/**"),
			rule(ANY, roles(SYSTEM_ADMIN), "/api/v1/admin/staff", "/api/v1/admin/staff/**", "/api/v1/admin/registries/**",
					"/api/v1/admin/e-licences", "/api/v1/admin/e-licences/**"),
			rule(ANY, roles(SYSTEM_ADMIN), "/api/v1/admin/document-templates", "/api/v1/admin/document-templates/**"),
			// the applicant's own data; a window clerk enters applications for visitors (帮代办)
			rule(ANY, roles(APPLICANT, WINDOW_CLERK), "/api/v1/drafts", "/api/v1/drafts/**", "/api/v1/applications",
					"/api/v1/applications/*", "/api/v1/applications/*/accepting-halls", "/api/v1/attachments",
					"/api/v1/representations", "/api/v1/representations/**"),
			rule(ANY, roles(APPLICANT), "/api/v1/consents", "/api/v1/consents/*", "/api/v1/data-access", "/api/v1/my/cases"),
			rule(HttpMethod.GET, roles(APPLICANT), "/api/v1/my/e-licences", "/api/v1/my/e-licences/**"),
			rule(HttpMethod.GET, SIGNED_IN, "/api/v1/me", "/api/v1/my/notifications"),
			// staff choose their own password (applicants have none of OneGo's)
			rule(HttpMethod.POST, roles(WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD, SUPERVISOR, CREDIT_ADMIN, CATALOGUE_ADMIN,
					SYSTEM_ADMIN, METRICS_READER), "/api/v1/me/password"),
			// credit: the subject's own listings and appeals; the listings of a region for its credit administrators
			rule(HttpMethod.GET, roles(APPLICANT), "/api/v1/my/credit"),
			rule(HttpMethod.POST, roles(APPLICANT), "/api/v1/my/credit/*/appeal"),
			rule(HttpMethod.GET, roles(CREDIT_ADMIN), "/api/v1/credit/listings", "/api/v1/credit/listings/*"),
			rule(HttpMethod.POST, roles(CREDIT_ADMIN), "/api/v1/credit/listings", "/api/v1/credit/listings/*/lifting",
					"/api/v1/credit/listings/*/appeal-decision"),
			// cases: read by whoever has a part in them (checked case by case); changed by the window, the applicant
			rule(HttpMethod.GET, roles(APPLICANT, WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD, SUPERVISOR), "/api/v1/cases",
					"/api/v1/cases/*", "/api/v1/cases/*/receipt", "/api/v1/cases/*/application", "/api/v1/cases/*/rating",
					"/api/v1/cases/*/partner"),
			// the files submitted: those who handle the case and the applicant (checked case by case); never supervisors
			rule(HttpMethod.GET, roles(APPLICANT, WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD), "/api/v1/cases/*/files",
					"/api/v1/cases/*/files/*"),
			// a case's official documents: the applicant's side and the staff who handle it (checked case by case)
			rule(HttpMethod.GET, roles(APPLICANT, WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD), "/api/v1/cases/*/documents",
					"/api/v1/cases/*/documents/*"),
			rule(HttpMethod.POST, roles(WINDOW_CLERK), "/api/v1/cases/*/acceptance", "/api/v1/cases/*/refusal",
					"/api/v1/cases/*/supplement-request", "/api/v1/cases/*/issue"),
			rule(HttpMethod.POST, roles(APPLICANT, WINDOW_CLERK), "/api/v1/cases/*/supplement"),
			rule(HttpMethod.POST, roles(APPLICANT), "/api/v1/cases/*/rating", "/api/v1/cases/*/withdrawal"),
			rule(HttpMethod.GET, roles(WINDOW_CLERK), "/api/v1/window/cases"),
			// 原件流转: a hall's list for its clerks; sent by the accepting hall's, signed for by the receiving hall's
			// (checked transfer by transfer)
			rule(HttpMethod.GET, roles(WINDOW_CLERK), "/api/v1/halls/*/transfers"),
			rule(HttpMethod.POST, roles(WINDOW_CLERK), "/api/v1/transfers/*/dispatch", "/api/v1/transfers/*/receipt"),
			// delivery: a case's results and their way (checked case by case), the hand-over at the window, the hall's
			// failed messages and stuck parcels, the cost of free mail; the providers' callbacks carry their own signature
			rule(HttpMethod.GET, roles(APPLICANT, WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD, SUPERVISOR), "/api/v1/cases/*/delivery"),
			rule(HttpMethod.POST, roles(WINDOW_CLERK), "/api/v1/cases/*/pick-up"),
			rule(HttpMethod.GET, roles(WINDOW_CLERK), "/api/v1/delivery/problems"),
			rule(HttpMethod.GET, roles(SUPERVISOR), "/api/v1/delivery/statistics"),
			rule(HttpMethod.POST, PUBLIC, "/api/v1/delivery/sms-receipts", "/api/v1/delivery/courier-events"),
			// the departments
			rule(HttpMethod.GET, roles(REVIEWER, DEPARTMENT_HEAD, SUPERVISOR), "/api/v1/departments/*/tasks",
					"/api/v1/departments/*/verifications"),
			rule(HttpMethod.POST, roles(REVIEWER, DEPARTMENT_HEAD), "/api/v1/tasks/*/*", "/api/v1/verifications/*"),
			// 好差评 rectifications, statistics and supervision
			rule(HttpMethod.GET, roles(WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD, SUPERVISOR), "/api/v1/rectifications"),
			rule(HttpMethod.POST, roles(WINDOW_CLERK, REVIEWER, DEPARTMENT_HEAD), "/api/v1/rectifications/*/*"),
			rule(HttpMethod.GET, roles(SUPERVISOR), "/api/v1/evaluation/statistics", "/api/v1/supervision/**"),
			// the reform office's what-if drafts: supervisors (their region, checked draft by draft) and catalogue administrators
			rule(ANY, roles(SUPERVISOR, CATALOGUE_ADMIN), "/api/v1/reform/drafts", "/api/v1/reform/drafts/**"),
			// the audit trail: verified by the province's supervisors (checked in the module: a province's region)
			// and the system administrators, anchored on demand by the latter; the anchors' public key is public
			rule(HttpMethod.GET, PUBLIC, "/api/v1/audit/anchor-key"),
			rule(HttpMethod.GET, roles(SUPERVISOR, SYSTEM_ADMIN), "/api/v1/audit/verification"),
			rule(HttpMethod.POST, roles(SYSTEM_ADMIN), "/api/v1/audit/anchors"),
			// between OneGo instances (crossregion): who this instance is, for anyone; a partner's message is public for
			// the session rules — no session, no CSRF token (a filter chain of its own) — because its SM2 signature is its
			// authentication, checked by the inbox (401 without a valid one)
			rule(HttpMethod.GET, PUBLIC, "/federation/v1/instance"),
			rule(HttpMethod.PUT, PUBLIC, "/federation/v1/messages/*"),
			// the messages sent to partners: the staff who follow a case and its supervisors; the overdue ones for those
			// who are warned
			rule(HttpMethod.GET, roles(WINDOW_CLERK, SUPERVISOR, SYSTEM_ADMIN), "/api/v1/federation/messages"),
			rule(HttpMethod.GET, roles(SUPERVISOR, SYSTEM_ADMIN), "/api/v1/federation/messages/overdue"),
			rule(HttpMethod.GET, roles(SYSTEM_ADMIN), "/api/v1/admin/federation/partners"));

	private static final PathPatternParser PARSER = new PathPatternParser();

	private Routes() {
	}

	/**
	 * Who may call the operation ({@code GET}, {@code /api/v1/cases/{id}}): the access of the first rule that
	 * matches, or empty when none does (the operation is refused to everybody).
	 */
	public static Optional<Access> of(String method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (Rule rule : RULES) {
			if (rule.method() != null && !rule.method().name().equalsIgnoreCase(method)) {
				continue;
			}
			for (String pattern : rule.patterns()) {
				PathPattern parsed = PARSER.parse(pattern);
				if (parsed.matches(container)) {
					return Optional.of(rule.access());
				}
			}
		}
		return Optional.empty();
	}

	private static Rule rule(HttpMethod method, Access access, String... patterns) {
		return new Rule(method, List.of(patterns), access);
	}

	private static Access roles(Role first, Role... more) {
		return new Access.Roles(EnumSet.of(first, more));
	}
}
