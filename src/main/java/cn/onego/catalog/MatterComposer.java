package cn.onego.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.catalog.CatalogueAdministration.ImportMode;
import cn.onego.catalog.CatalogueAdministration.ImportOutcome;
import cn.onego.catalog.CatalogueReader.Read;
import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;

/**
 * Matters composed by catalogue administrators on a page, from the items of the catalogue in force: saved as
 * drafts, tried out against the catalogue without storing anything ({@link #trial}), and published after a
 * second administrator's review (four eyes) by an ordinary catalogue import. A draft is judged by the
 * catalogue's own reader — it is written as a matter file ({@link MatterWriter}) and read together with every
 * file in force — so composing a matter follows exactly the rules that importing one does.
 */
@Service
public class MatterComposer {

	/** The drafts a list shows; older published ones stay stored. */
	static final int LISTED = 200;

	private final MatterDrafts drafts;
	private final CatalogueInForce inForce;
	private final CatalogueAdministration administration;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	/** The files of the version in force, read once per version: every keystroke on the page tries a draft. */
	private final AtomicReference<VersionFiles> files = new AtomicReference<>();

	private record VersionFiles(long version, CatalogueFiles files) {
	}

	MatterComposer(MatterDrafts drafts, CatalogueInForce inForce, CatalogueAdministration administration,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.drafts = drafts;
		this.inForce = inForce;
		this.administration = administration;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** A draft as administrators see it. */
	public record DraftView(UUID id, String code, String replaces, ComposedMatter content, DraftState state, String author,
			String reviewer, String sentBackReason, Long catalogueVersion, int version, Instant createdAt,
			Instant updatedAt) {

		static DraftView of(MatterDraft d) {
			return new DraftView(d.id(), d.content().code(), d.replaces(), d.content(), d.state(), d.author(), d.reviewer(),
					d.sentBackReason(), d.catalogueVersion(), d.version(), d.createdAt(), d.updatedAt());
		}
	}

	/** What trying a draft against the catalogue in force gave. */
	public sealed interface Trial {
	}

	/**
	 * The draft makes a valid catalogue with the files in force.
	 *
	 * @param catalogue that catalogue (not in force: nothing was stored)
	 * @param matter the composed matter as the catalogue reads it
	 * @param file the path of the matter file that would be imported
	 * @param text the matter file
	 */
	public record Composed(Catalogue catalogue, Matter matter, String file, String text) implements Trial {
	}

	/** Everything wrong with the draft, each at its place in it. */
	public record Refused(List<DraftError> errors) implements Trial {
	}

	/**
	 * One thing wrong with a draft.
	 *
	 * @param part where in the draft, as a path in its JSON ({@code items[2].item}, {@code dependencies}); empty for
	 *        the draft as a whole
	 * @param line the line of the matter file written from it, for reference
	 */
	public record DraftError(String part, int line, Message message) {
	}

	public List<DraftView> drafts() {
		return drafts.recent(LISTED).stream().map(DraftView::of).toList();
	}

	public DraftView draft(UUID id) {
		return DraftView.of(find(id));
	}

	/** Starts a new matter. */
	public DraftView start(ComposedMatter content, String author) {
		return transactions.execute(status -> {
			MatterDraft draft = MatterDraft.start(null, content, author, clock.instant());
			UUID id = draft.id();
			drafts.insert(draft);
			events.publishEvent(new MatterDraftChanged(id, content.code(), "created", author, ""));
			return DraftView.of(drafts.find(id).orElseThrow());
		});
	}

	/** Starts a draft from a matter of the catalogue in force, to change it. */
	public DraftView startFrom(String matterCode, String author) {
		Matter matter = inForce.get().matter(matterCode).orElseThrow(() -> new NotFound("一件事", "Matter", matterCode));
		return transactions.execute(status -> {
			MatterDraft draft = MatterDraft.start(matter.code(), ComposedMatter.of(matter), author, clock.instant());
			UUID id = draft.id();
			drafts.insert(draft);
			events.publishEvent(new MatterDraftChanged(id, matter.code(), "created", author, "from the matter in force"));
			return DraftView.of(drafts.find(id).orElseThrow());
		});
	}

	public DraftView save(UUID id, int version, ComposedMatter content, String who) {
		return change(id, version, draft -> {
			draft.edit(content, who, clock.instant());
			return new MatterDraftChanged(id, content.code(), "edited", who, "");
		});
	}

	/**
	 * The author hands the draft over for review; only a draft the catalogue accepts may be reviewed.
	 *
	 * @throws ComposedMatterRejected with every error when it is not
	 */
	public DraftView submit(UUID id, int version, String who) {
		MatterDraft current = find(id);
		if (trial(current.content(), current.replaces()) instanceof Refused refused) {
			throw new ComposedMatterRejected(refused.errors());
		}
		return change(id, version, draft -> {
			draft.submit(who, clock.instant());
			return new MatterDraftChanged(id, draft.content().code(), "submitted", who, "");
		});
	}

	public DraftView sendBack(UUID id, int version, String who, String reason) {
		return change(id, version, draft -> {
			draft.sendBack(who, reason, clock.instant());
			return new MatterDraftChanged(id, draft.content().code(), "sent-back", who, reason);
		});
	}

	/**
	 * A second administrator publishes the draft: its matter file is imported (merged over the catalogue in force,
	 * the note naming author and reviewer) and the draft records the version it is in.
	 *
	 * @throws MatterDraft.OwnDraftReviewed when {@code who} wrote it
	 * @throws ComposedMatterRejected when the catalogue no longer accepts it (it changed since the submission)
	 */
	public DraftView publish(UUID id, int version, String who) {
		MatterDraft draft = find(id);
		if (draft.version() != version) {
			throw new MatterDraft.StaleDraft();
		}
		draft.checkPublishableBy(who);
		Trial trial = trial(draft.content(), draft.replaces());
		if (trial instanceof Refused refused) {
			throw new ComposedMatterRejected(refused.errors());
		}
		Composed composed = (Composed) trial;
		ImportOutcome imported = administration.importFiles(Map.of(composed.file(), composed.text()), List.of(),
				ImportMode.MERGE, who, "发布编排的一件事“" + composed.matter().name().zh() + "”：编写人 " + draft.author() + "，审核人 " + who
						+ " / published the composed matter \"" + composed.matter().name().in(java.util.Locale.ENGLISH) + "\", author "
						+ draft.author() + ", reviewer " + who);
		return change(id, version, d -> {
			d.published(who, imported.version().version(), clock.instant());
			return new MatterDraftChanged(id, d.content().code(), "published", who,
					"catalogue version " + imported.version().version() + ", author " + d.author());
		});
	}

	private DraftView change(UUID id, int version, java.util.function.Function<MatterDraft, MatterDraftChanged> step) {
		return transactions.execute(status -> {
			MatterDraft draft = find(id);
			if (draft.version() != version) {
				throw new MatterDraft.StaleDraft();
			}
			MatterDraftChanged changed = step.apply(draft);
			drafts.update(draft);
			events.publishEvent(changed);
			return DraftView.of(drafts.find(id).orElseThrow());
		});
	}

	private MatterDraft find(UUID id) {
		return drafts.find(id).orElseThrow(() -> new NotFound("一件事草稿", "Matter draft", String.valueOf(id)));
	}

	/**
	 * Tries the draft against the catalogue in force: writes it as a matter file, lays it over the files in force
	 * (in place of the matter it edits, if any) and reads the whole. Stores nothing.
	 *
	 * @param replaces the code of the matter in force the draft edits, or null for a new matter
	 */
	public Trial trial(ComposedMatter content, String replaces) {
		Catalogue catalogue = inForce.get();
		CatalogueFiles base = filesInForce(catalogue.version());
		List<DraftError> errors = new ArrayList<>();
		String file = replaces == null ? null : fileOf(base, replaces);
		if (replaces != null && !replaces.equals(content.code())) {
			errors.add(new DraftError("code", 0, Message.of("修改现有一件事时不能更改其编码（原编码 " + replaces + "）",
					"the code of a matter in force cannot change while editing it (it is " + replaces + ")")));
		}
		if (file == null && content.code() != null && catalogue.matter(content.code()).isPresent()) {
			errors.add(new DraftError("code", 0, Message.of("一件事编码已被现行目录使用：" + content.code(),
					"the catalogue in force already has a matter with code " + content.code())));
		}
		if (file == null) {
			file = freshPath(base, content.code());
		}
		String text = MatterWriter.write(content);
		CatalogueReader.Outcome outcome = CatalogueReader.read(base.merge(Map.of(file, text), List.of()));
		if (outcome instanceof Rejected rejected) {
			for (CatalogueError e : rejected.errors()) {
				errors.add(e.file().equals(file) ? new DraftError(e.location(), e.line(), e.message())
						: new DraftError("", 0, Message.of(e.where() + "：" + e.message().zh(), e.where() + ": " + e.message().en())));
			}
		}
		if (!errors.isEmpty()) {
			return new Refused(List.copyOf(errors));
		}
		Catalogue tried = ((Read) outcome).catalogue().withVersion(catalogue.version(), catalogue.loadedAt());
		return new Composed(tried, tried.matter(content.code()).orElseThrow(), file, text);
	}

	private CatalogueFiles filesInForce(long version) {
		VersionFiles known = files.get();
		if (known == null || known.version() != version) {
			known = new VersionFiles(version, new CatalogueFiles(administration.filesOf(version)));
			files.set(known);
		}
		return known.files();
	}

	/** The matter file that defines the matter with this code, or null. */
	private static String fileOf(CatalogueFiles files, String code) {
		Pattern defines = Pattern.compile("(?m)^code:\\s*[\"']?" + Pattern.quote(code) + "[\"']?\\s*$");
		return files.files()
			.entrySet()
			.stream()
			.filter(f -> CatalogueDocuments.isYamlUnder(f.getKey(), "matters/"))
			.filter(f -> defines.matcher(f.getValue()).find())
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	/** A new file for a new matter, named after its code like the shipped ones, never one in use. */
	private static String freshPath(CatalogueFiles files, String code) {
		String stem = code == null ? "composed" : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\-]+", "-");
		stem = stem.isBlank() || stem.length() > 60 ? "composed" : stem;
		String path = "matters/" + stem + ".yaml";
		for (int n = 2; files.files().containsKey(path); n++) {
			path = "matters/" + stem + "-" + n + ".yaml";
		}
		return path;
	}

	/** The catalogue does not accept the draft: every error at its place in the draft. */
	public static class ComposedMatterRejected extends Problem {

		ComposedMatterRejected(List<DraftError> errors) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "draft-rejected", Message.of("一件事草稿未通过目录校验", "Draft rejected"),
					Message.of("草稿有 " + errors.size() + " 处错误，请修改后再提交或发布。",
							"The draft has " + errors.size() + " error(s); correct them before submitting or publishing."),
					errors.stream().map(e -> new FieldProblem(e.part(), "catalogue", e.message())).toList());
		}
	}
}
