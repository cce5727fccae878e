package cn.onego.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.cases.Halls;
import cn.onego.identity.Actor;
import cn.onego.platform.ChangeSignals;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.KeptWhileHeard;
import cn.onego.platform.Message;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts of the official documents: the defaults shipped in {@code documents/templates.yaml}, and each hall's or
 * department's own, stored by a system administrator (audited). A document takes its issuer's text of its kind if
 * there is one, otherwise the administrator's default ({@code default}), otherwise the shipped one.
 */
@Service
public class Templates {

	/** The scope of the text every hall and department uses unless it has its own. */
	public static final String DEFAULT_SCOPE = "default";

	/** A stored text: whose, of which kind, and who changed it when (the shipped defaults have no author). */
	public record Stored(DocumentKind kind, String scope, Template template, String updatedBy, Instant updatedAt) {
	}

	/** A text asked for: of a kind, by an issuer. */
	private record Asked(DocumentKind kind, String issuerScope) {
	}

	private final Map<DocumentKind, Template> shipped;
	private final KeptWhileHeard<Asked, Template> kept;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Halls halls;
	private final CatalogQueries catalog;
	private final AuditTrail audit;

	Templates(JdbcClient jdbc, JsonMapper json, Halls halls, CatalogQueries catalog, AuditTrail audit, ChangeSignals signals,
			MeterRegistry meters) {
		// any change forgets every text kept: a change of the default text concerns every issuer (V75)
		this.kept = new KeptWhileHeard<>(signals, "onego_document_template", payload -> null, "document-templates", 10_000, meters);
		this.jdbc = jdbc;
		this.json = json;
		this.halls = halls;
		this.catalog = catalog;
		this.audit = audit;
		this.shipped = shipped();
	}

	/** The text a document of the kind by the issuer (a hall's or department's code) is made with. */
	Template of(DocumentKind kind, String issuerScope) {
		return kept.get(new Asked(kind, issuerScope), this::read);
	}

	private Template read(Asked asked) {
		DocumentKind kind = asked.kind();
		String issuerScope = asked.issuerScope();
		// the issuer's own text before the default one, in one read
		return jdbc.sql("SELECT body FROM document_template WHERE kind = ? AND scope IN (?, ?) ORDER BY scope = ? LIMIT 1")
			.params(kind.name(), issuerScope, DEFAULT_SCOPE, DEFAULT_SCOPE)
			.query(String.class)
			.optional()
			.map(body -> json.readValue(body, Template.class))
			.orElse(shipped.get(kind));
	}

	/** Every text: the shipped defaults, then what was stored, by kind and scope. */
	public List<Stored> all() {
		List<Stored> all = new ArrayList<>();
		shipped.forEach((kind, template) -> all.add(new Stored(kind, "shipped", template, null, null)));
		all.addAll(jdbc.sql("SELECT kind, scope, body, updated_by, updated_at FROM document_template ORDER BY kind, scope")
			.query((rs, n) -> new Stored(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), json.readValue(rs.getString(3), Template.class),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list());
		return all;
	}

	/**
	 * Stores the text of a kind for a scope ({@code default}, a hall's code or a department's code), replacing the one
	 * before; every field is checked first, and nothing changes when one is wrong.
	 */
	@Transactional
	public Stored save(Actor admin, String kind, String scope, Template template) {
		List<FieldProblem> problems = new ArrayList<>();
		DocumentKind k = kindOf(kind, problems);
		if (scope == null || !(DEFAULT_SCOPE.equals(scope) || halls.hall(scope).isPresent()
				|| catalog.catalogue().department(scope).isPresent())) {
			problems.add(new FieldProblem("scope", "unknown", Message.of("范围应为 default、大厅编码或部门编码",
					"the scope is 'default', a hall's code or a department's code")));
		}
		if (template == null) {
			problems.add(new FieldProblem("title", "required", Message.of("请填写文书模板", "give the template")));
		}
		else {
			problems.addAll(template.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		write(k, scope, json.writeValueAsString(template), admin.username());
		audit.record(admin, "document-template.saved", "document-template/" + k.name() + "/" + scope, template.title());
		return stored(k, scope).orElseThrow();
	}

	/** Stores the text's JSON, replacing the one before, and forgets the texts this node kept. */
	void write(DocumentKind kind, String scope, String body, String by) {
		jdbc.sql("""
				INSERT INTO document_template (kind, scope, body, updated_by, updated_at) VALUES (?, ?, ?::jsonb, ?, now())
				ON CONFLICT (kind, scope) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = now()""")
			.params(kind.name(), scope, body, by)
			.update();
		kept.forgetAll();
	}

	private Optional<Stored> stored(DocumentKind kind, String scope) {
		return jdbc.sql("SELECT body, updated_by, updated_at FROM document_template WHERE kind = ? AND scope = ?")
			.params(kind.name(), scope)
			.query((rs, n) -> new Stored(kind, scope, json.readValue(rs.getString(1), Template.class), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.optional();
	}

	private static DocumentKind kindOf(String kind, List<FieldProblem> problems) {
		for (DocumentKind k : DocumentKind.values()) {
			if (k.name().equals(kind)) {
				return k;
			}
		}
		problems.add(new FieldProblem("kind", "unknown", Message.of("未知的文书种类", "not a kind of document")));
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<DocumentKind, Template> shipped() {
		try (InputStream in = new ClassPathResource("documents/templates.yaml").getInputStream()) {
			List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			Map<DocumentKind, Template> templates = new EnumMap<>(DocumentKind.class);
			for (Map<String, Object> e : entries) {
				Template t = new Template((String) e.get("title"), (List<String>) e.get("paragraphs"), (String) e.get("legalBasis"),
						(String) e.get("remedy"), (String) e.get("commitment"), (Integer) e.get("supplementWorkingDays"),
						(List<String>) e.get("assumptions"));
				if (!t.problems().isEmpty()) {
					throw new IllegalStateException("documents/templates.yaml, " + e.get("kind") + ": " + t.problems());
				}
				templates.put(DocumentKind.valueOf((String) e.get("kind")), t);
			}
			for (DocumentKind k : DocumentKind.values()) {
				if (!templates.containsKey(k)) {
					throw new IllegalStateException("documents/templates.yaml has no " + k);
				}
			}
			return templates;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
