package cn.onego.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.Attachments;
import cn.onego.application.Submissions;
import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Material;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.shared.Label;

/**
 * The files submitted for a case — the application's materials and what was supplied later (补正, 容缺) — for those
 * who handle it and the applicant: the window clerks of its hall, the departments holding one of its tasks, the
 * applicant's side ({@link CaseAccess#mayReadSubmission}). Supervisors follow progress and see no submitted file;
 * anyone else learns nothing, not even that the case exists (404), and a file of another case is not found in this
 * one. Every view and download is recorded in the audit trail with who, which file and which case.
 * <p>
 * A preview of an image or a PDF may carry the visible watermark “仅供××办理使用” with the viewer's department or
 * hall ({@link Watermark}; {@code onego.attachments.watermark-previews}, or the request's choice); a download is
 * always the stored original, byte for byte the file of its SHA-256.
 */
@Service
public class CaseFiles {

	/** Where a file came in: with the application, or supplied afterwards. */
	public enum Origin {
		APPLICATION, SUPPLEMENT
	}

	/** In which capacity a file was uploaded; pages show {@link #sentence()}, never a username. */
	public enum Uploader {
		APPLICANT(Message.of("申请人本人上传", "Uploaded by the applicant")),
		AGENT(Message.of("申请人的代理人代为上传", "Uploaded by the applicant's agent")),
		WINDOW_CLERK(Message.of("窗口工作人员代申请人上传", "Uploaded at the window for the applicant"));

		private final Message sentence;

		Uploader(Message sentence) {
			this.sentence = sentence;
		}

		public Message sentence() {
			return sentence;
		}

		/** The capacity of someone supplying files for the case. */
		static Uploader of(Actor actor, CaseFile c) {
			if (actor.clerkOf(c.place().hall().value())) {
				return WINDOW_CLERK;
			}
			return actor.username().equals(c.applicant().username()) || actor.isPerson(c.applicant().id()) ? APPLICANT : AGENT;
		}

		/** Who uploaded an application's materials: its filer, in the capacity the application records. */
		static Uploader of(ApplicationRecord application) {
			if (application.agent() == null) {
				return APPLICANT;
			}
			return "ASSISTANT".equals(application.agent().capacity()) ? WINDOW_CLERK : AGENT;
		}
	}

	/** Said of a file supplied before supplied files were kept with the case (V46): who is not known. */
	static final Message SUPPLIED_EARLIER = Message.of("补正时提交", "Supplied later");

	/**
	 * A file of the case as listed: its id (the SHA-256 of its content, 64 hexadecimal digits), the material it was
	 * submitted for with the catalogue's name, who uploaded it as a sentence and when, its display name, media type
	 * and size, and whether it is shown in the page (images and PDFs) or only downloaded.
	 */
	public record SubmittedFile(String id, String material, Label materialName, Origin origin, Message uploadedBy,
			Instant uploadedAt, String fileName, String mediaType, int size, String sha256, boolean inline) {
	}

	/** A file as sent: its bytes (the original, or a watermarked preview), how to show it and under which name. */
	public record Opened(SubmittedFile file, byte[] bytes, boolean inline, boolean watermarked) {
	}

	private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "application/pdf");

	private final Cases cases;
	private final CaseAccess access;
	private final Submissions submissions;
	private final Attachments attachments;
	private final SuppliedFiles supplied;
	private final CatalogQueries catalog;
	private final Halls halls;
	private final AuditTrail audit;
	private final boolean watermarkPreviews;

	CaseFiles(Cases cases, CaseAccess access, Submissions submissions, Attachments attachments, SuppliedFiles supplied,
			CatalogQueries catalog, Halls halls, AuditTrail audit,
			@Value("${onego.attachments.watermark-previews:true}") boolean watermarkPreviews) {
		this.cases = cases;
		this.access = access;
		this.submissions = submissions;
		this.attachments = attachments;
		this.supplied = supplied;
		this.catalog = catalog;
		this.halls = halls;
		this.audit = audit;
		this.watermarkPreviews = watermarkPreviews;
	}

	/** The case's files, the application's first, for those who may read what was submitted (others: not found). */
	public List<SubmittedFile> of(Actor actor, CaseId caseId) {
		return files(submission(actor, caseId));
	}

	/**
	 * One file of the case: the original when {@code download}, otherwise a preview — watermarked when
	 * {@code watermark} (or, when null, the setting) says so, the viewer is staff and the file is an image or a PDF.
	 * Whose case it is comes before what the request asks: another hall's clerk learns nothing about the file.
	 */
	public Opened open(Actor actor, CaseId caseId, String fileId, boolean download, Boolean watermark) {
		CaseFile c = submission(actor, caseId);
		if (!Attachments.isHash(fileId)) {
			throw InvalidInput.of("fileId", "format", Message.of("文件标识应为64位小写十六进制的SHA-256值",
					"a file id is a SHA-256 hash of 64 lower-case hexadecimal digits"));
		}
		SubmittedFile file = files(c).stream().filter(f -> f.id().equals(fileId)).findFirst()
			.orElseThrow(() -> new NotFound("本办件的文件", "File of this case", fileId));
		byte[] original = attachments.content(fileId).map(Attachments.Content::bytes)
			.orElseThrow(() -> new NotFound("本办件的文件", "File of this case", fileId));
		boolean inline = !download && file.inline();
		Optional<String> place = inline && (watermark == null ? watermarkPreviews : watermark) ? place(actor) : Optional.empty();
		byte[] bytes = place.map(p -> "application/pdf".equals(file.mediaType()) ? Watermark.pdf(original, Watermark.text(p))
				: Watermark.image(original, file.mediaType(), Watermark.text(p))).orElse(original);
		audit.record(actor, download ? "read.attachment.download" : "read.attachment.view", "case/" + c.id() + "/file/" + fileId,
				"case " + c.number().value() + ", material " + file.material() + (place.isPresent() ? ", watermarked" : ""));
		return new Opened(file, bytes, inline, place.isPresent());
	}

	private List<SubmittedFile> files(CaseFile c) {
		ApplicationRecord application = submissions.submitted(c.applicationId());
		Catalogue catalogue = catalog.catalogue();
		List<SubmittedFile> files = new ArrayList<>();
		Set<String> listed = new LinkedHashSet<>();
		Uploader filer = Uploader.of(application);
		for (MaterialEntry m : materials(application, catalogue)) {
			Optional<Attachments.Upload> upload = attachments.uploadOf(application.createdBy(), m.attachment());
			file(m.material(), m.name(), Origin.APPLICATION, filer.sentence(),
					upload.map(Attachments.Upload::uploadedAt).orElse(application.submittedAt()),
					upload.map(Attachments.Upload::name).orElse(null), m.attachment()).ifPresent(f -> add(files, listed, f));
		}
		for (SuppliedFiles.Supplied s : supplied.of(c.id())) {
			Optional<Attachments.Upload> upload = attachments.uploadOf(s.owner(), s.hash());
			file(s.material(), name(catalogue, s.material()), Origin.SUPPLEMENT, s.by().sentence(),
					upload.map(Attachments.Upload::uploadedAt).orElse(s.at()), upload.map(Attachments.Upload::name).orElse(null),
					s.hash()).ifPresent(f -> add(files, listed, f));
		}
		// gaps supplied before supplied files were kept with the case: the file is known, who supplied it is not
		for (CaseFile.Gap g : c.terms().gaps()) {
			if (g.suppliedAttachment() != null) {
				file(g.material(), name(catalogue, g.material()), Origin.SUPPLEMENT, SUPPLIED_EARLIER, null, null,
						g.suppliedAttachment()).ifPresent(f -> add(files, listed, f));
			}
		}
		return files;
	}

	/** The application's materials with a file: as resolved at submission, or as attached when none were resolved. */
	private static List<MaterialEntry> materials(ApplicationRecord application, Catalogue catalogue) {
		List<MaterialEntry> resolved = application.materials() == null || application.materials().resolved() == null ? List.of()
				: application.materials().resolved();
		if (!resolved.isEmpty()) {
			return resolved.stream().filter(m -> m.attachment() != null).toList();
		}
		Map<String, String> attached = application.materials() == null || application.materials().attachments() == null
				? Map.of() : application.materials().attachments();
		return attached.entrySet().stream()
			.filter(e -> e.getValue() != null)
			.map(e -> new MaterialEntry(e.getKey(), name(catalogue, e.getKey()), false, null, null, e.getValue(), false, List.of()))
			.toList();
	}

	private Optional<SubmittedFile> file(String material, Label name, Origin origin, Message by, Instant at, String fileName,
			String hash) {
		return attachments.find(hash).map(stored -> new SubmittedFile(hash, material, name, origin, by, at, fileName,
				stored.contentType(), stored.size(), hash, INLINE.contains(stored.contentType())));
	}

	/** Each file once per material: the same content supplied again for the same material is one file. */
	private static void add(List<SubmittedFile> files, Set<String> listed, SubmittedFile f) {
		if (listed.add(f.material() + "\n" + f.id())) {
			files.add(f);
		}
	}

	/** The catalogue's name of a material, or what was asked for when it is no material's code. */
	private static Label name(Catalogue catalogue, String material) {
		return catalogue.material(material).map(Material::name).orElse(Label.of(material, material));
	}

	/** The viewer's department or hall, by name, for the watermark; none for the applicant's side. */
	private Optional<String> place(Actor actor) {
		if ((actor.has(Role.REVIEWER) || actor.has(Role.DEPARTMENT_HEAD)) && actor.department() != null) {
			return Optional.of(catalog.catalogue().department(actor.department()).map(Department::name).orElse("本部门"));
		}
		if (actor.has(Role.WINDOW_CLERK) && actor.hall() != null) {
			return Optional.of(halls.hall(actor.hall()).map(Halls.Hall::name).orElse("政务服务大厅"));
		}
		return Optional.empty();
	}

	/** The case, if the actor may read what was submitted for it; otherwise not found. */
	private CaseFile submission(Actor actor, CaseId caseId) {
		CaseFile c = cases.find(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
		if (!access.mayReadSubmission(actor, c, cases.tasks(caseId))) {
			throw new NotFound("办件", "Case", caseId.toString());
		}
		return c;
	}
}
