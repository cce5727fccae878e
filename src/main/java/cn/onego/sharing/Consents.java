package cn.onego.sharing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Item;
import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.platform.Text;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/** Granting, finding and withdrawing consents. */
@Service
public class Consents implements SealedColumns {

	/** Whose consent it is, sealed, found by its blind index. */
	private static final SealedColumn SUBJECT = SealedColumn.indexed("consent", "subject", "subject_index");

	static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
	static final Duration LONGEST_VALIDITY = Duration.ofDays(365);

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final CatalogQueries catalog;
	private final Clock clock;

	Consents(JdbcClient jdbc, PersonalData data, CatalogQueries catalog, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SUBJECT);
	}

	/**
	 * What the applicant agrees to. Registries and licence types left empty mean everything the matter's
	 * items may need (the applicant sees that list before signing).
	 */
	public record Grant(String subject, String matter, Set<Registry> registries, Set<String> licenceTypes, String purpose,
			Integer validDays) {
	}

	public Consent grant(Grant grant, String grantedBy) {
		List<FieldProblem> problems = new ArrayList<>();
		Matter matter = grant.matter() == null || grant.matter().length() > Text.CODE ? null
				: catalog.catalogue().matter(grant.matter()).orElse(null);
		if (matter == null) {
			String shown = grant.matter() == null || grant.matter().length() > Text.CODE ? "" : grant.matter();
			problems.add(new FieldProblem("matter", "unknown", Message.of("一件事不存在：" + shown, "unknown matter: " + shown)));
		}
		if (grant.purpose() == null || grant.purpose().isBlank() || grant.purpose().length() > 200) {
			problems.add(new FieldProblem("purpose", "required", Message.of("请写明用途（至多200字）", "state the purpose (at most 200 characters)")));
		}
		else {
			Text.check(problems, "purpose", grant.purpose(), Text.Kind.LINE, 200);
		}
		if (grant.licenceTypes() != null && grant.licenceTypes().size() > 50) {
			problems.add(new FieldProblem("licenceTypes", "too-many", Message.of("至多50种证照", "at most 50 licence types")));
		}
		else if (grant.licenceTypes() != null) {
			grant.licenceTypes().forEach(type -> Text.check(problems, "licenceTypes", type, Text.Kind.LINE, Text.CODE));
		}
		int days = grant.validDays() == null ? (int) DEFAULT_VALIDITY.toDays() : grant.validDays();
		if (days < 1 || days > LONGEST_VALIDITY.toDays()) {
			problems.add(new FieldProblem("validDays", "range", Message.of("有效期应为1至365天", "validity is 1 to 365 days")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Scope needed = scopeOf(catalog.catalogue(), matter);
		Set<Registry> registries = grant.registries() == null || grant.registries().isEmpty() ? needed.registries()
				: grant.registries();
		Set<String> licenceTypes = grant.licenceTypes() == null || grant.licenceTypes().isEmpty() ? needed.licenceTypes()
				: grant.licenceTypes();
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO consent (id, subject, subject_index, matter, registries, licence_types, purpose, granted_by, granted_at,
				  valid_until)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, data.seal(grant.subject(), SUBJECT.name()), data.index(grant.subject()), grant.matter(), registries.stream().map(Enum::name).toArray(String[]::new),
					licenceTypes.toArray(String[]::new), grant.purpose().trim(), grantedBy,
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(Duration.ofDays(days))))
			.update();
		return find(id).orElseThrow();
	}

	/** The data a matter's items may read: the registries and licence types of its fields and materials. */
	public record Scope(Set<Registry> registries, Set<String> licenceTypes) {
	}

	public static Scope scopeOf(Catalogue catalogue, Matter matter) {
		Set<Registry> registries = EnumSet.noneOf(Registry.class);
		Set<String> licenceTypes = new LinkedHashSet<>();
		for (Matter.MatterItem line : matter.items()) {
			Item item = catalogue.item(line.item()).orElseThrow();
			for (Item.ItemMaterial use : item.materials()) {
				Material material = catalogue.material(use.material()).orElseThrow();
				if (material.registry() != null) {
					registries.add(material.registry());
				}
				if (material.licenceType() != null) {
					licenceTypes.add(material.licenceType());
				}
			}
			for (Item.ItemField field : item.fields()) {
				catalogue.element(field.element()).map(e -> e.registry()).ifPresent(r -> {
					if (r != null) {
						registries.add(r);
					}
				});
			}
		}
		return new Scope(registries, licenceTypes);
	}

	public Optional<Consent> find(UUID id) {
		return jdbc.sql("SELECT * FROM consent WHERE id = ?").param(id).query(this::consent).optional();
	}

	public List<Consent> of(String subject) {
		return jdbc.sql("SELECT * FROM consent WHERE subject_index = ? ORDER BY granted_at DESC").param(data.index(subject)).query(this::consent).list();
	}

	/** Withdraws a consent of the subject; reads under it are refused from now on. */
	public Consent withdraw(UUID id, String subject) {
		Consent consent = find(id).filter(c -> c.subject().equals(subject))
			.orElseThrow(() -> new NotFound("授权", "Consent", id.toString()));
		if (consent.withdrawnAt() != null) {
			throw new AlreadyWithdrawn(id);
		}
		jdbc.sql("UPDATE consent SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL")
			.params(java.sql.Timestamp.from(clock.instant()), id)
			.update();
		return find(id).orElseThrow();
	}

	/** The consent was withdrawn before. */
	public static class AlreadyWithdrawn extends Problem {

		AlreadyWithdrawn(UUID id) {
			super(HttpStatus.CONFLICT, "consent-withdrawn", Message.of("授权已撤回", "Consent already withdrawn"),
					Message.of("该授权已于此前撤回：" + id, "this consent was withdrawn before: " + id), List.of());
		}
	}

	private Consent consent(ResultSet rs, int row) throws SQLException {
		Set<Registry> registries = EnumSet.noneOf(Registry.class);
		Arrays.stream(strings(rs.getArray("registries"))).map(Registry::valueOf).forEach(registries::add);
		java.sql.Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		return new Consent(rs.getObject("id", UUID.class), data.open(rs.getString("subject"), SUBJECT.name()), rs.getString("matter"), registries,
				new LinkedHashSet<>(Arrays.asList(strings(rs.getArray("licence_types")))), rs.getString("purpose"),
				rs.getString("granted_by"), rs.getTimestamp("granted_at").toInstant(),
				rs.getTimestamp("valid_until").toInstant(), withdrawn == null ? null : withdrawn.toInstant());
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}
}
