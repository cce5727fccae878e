package cn.onego.crossregion;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.application.Attachments;
import cn.onego.application.PartnerSubmissions;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseHandling;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.shared.RegionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 属地办理, on the handling side: a case a partner platform's hall accepted for a region this platform serves becomes
 * a case here — its application stored as received from the partner, its files stored as the partner sent them — in
 * the competent hall's queue. The same forward received twice (a retry after a lost answer) is one case.
 */
@Component
class ForwardedCases implements FederationHandler {

	private final Federation federation;
	private final PartnerSubmissions submissions;
	private final Attachments attachments;
	private final CaseHandling handling;
	private final CaseQueries cases;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	ForwardedCases(Federation federation, PartnerSubmissions submissions, Attachments attachments, CaseHandling handling,
			CaseQueries cases, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.federation = federation;
		this.submissions = submissions;
		this.attachments = attachments;
		this.handling = handling;
		this.cases = cases;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return ForwardedCase.FORWARD;
	}

	@Override
	public Object handle(Partner from, String messageId, JsonNode payload) {
		ForwardedCase.Forward f = ForwardedCase.read(json, payload, ForwardedCase.Forward.class);
		if (f.caseId() == null || f.number() == null) {
			throw new MessageRefused("转来的办件缺少编号");
		}
		Optional<UUID> earlier = jdbc.sql("SELECT case_id FROM received_case WHERE partner = ? AND origin_case_id = ?")
			.params(from.id(), f.caseId())
			.query(UUID.class)
			.optional();
		if (earlier.isPresent()) {
			CaseFile c = cases.caseFile(new CaseId(earlier.get()));
			return new ForwardedCase.Received(c.id().value(), c.number().value());
		}
		RegionCode region = RegionCode.parse(f.region()).orElseThrow(() -> new MessageRefused("办理地行政区划无效"));
		RegionCode receivedIn = RegionCode.parse(f.receivedIn()).orElseThrow(() -> new MessageRefused("收件地行政区划无效"));
		if (!federation.servesLocally(region)) {
			throw new MessageRefused("本平台不办理该地区的事项：" + region);
		}
		if (f.files() != null && f.files().stream().anyMatch(file -> attachments.find(file.hash()).isEmpty())) {
			throw new FilesNotYetReceived(); // the partner sends them first; a retry finds them
		}
		UUID applicationId = UUID.nameUUIDFromBytes((from.id() + "/" + f.caseId()).getBytes(StandardCharsets.UTF_8));
		submissions.receive(new PartnerSubmissions.Forwarded(applicationId, f.matter(), region, f.applicant(), f.answers(), f.form(),
				f.commitments(), f.materials(), f.attachments(), f.hall() == null ? null : f.hall().name(), PARTNER + from.id(),
				f.submittedAt()));
		CaseFile c = handling.openReceived(applicationId, receivedIn);
		jdbc.sql("""
				INSERT INTO received_case (case_id, partner, origin_case_id, origin_number, hall, received_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?)""")
			.params(c.id().value(), from.id(), f.caseId(), f.number(), json.writeValueAsString(f.hall()), Timestamp.from(clock.instant()))
			.update();
		return new ForwardedCase.Received(c.id().value(), c.number().value());
	}

	static final String PARTNER = "partner:";

	/** One file of a case about to be forwarded: stored under an owner of its own, as the partner sent it. */
	@org.springframework.stereotype.Component
	static class Files implements FederationHandler {

		private final Attachments attachments;
		private final JsonMapper json;

		Files(Attachments attachments, JsonMapper json) {
			this.attachments = attachments;
			this.json = json;
		}

		@Override
		public String kind() {
			return ForwardedCase.FILE;
		}

		@Override
		public Object handle(Partner from, String messageId, JsonNode payload) {
			ForwardedCase.FilePart part = ForwardedCase.read(json, payload, ForwardedCase.FilePart.class);
			if (part.caseId() == null || part.content() == null) {
				throw new MessageRefused("转来的文件缺少办件或内容");
			}
			// one owner per forwarded case: a partner's files are not counted against one daily upload quota
			Attachments.Attachment stored = attachments.store(PARTNER + from.id() + ":" + part.caseId(), null, part.content(),
					part.contentType());
			if (!stored.hash().equals(part.hash())) {
				throw new MessageRefused("文件内容与其摘要不符");
			}
			return java.util.Map.of("hash", stored.hash(), "size", stored.size());
		}
	}

	/** A forward whose files have not all arrived yet: answered 503, so that the partner sends it again later. */
	static final class FilesNotYetReceived extends cn.onego.platform.Problem {

		FilesNotYetReceived() {
			super(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "files-not-yet-received",
					cn.onego.platform.Message.of("文件尚未全部收到", "Files not yet received"),
					cn.onego.platform.Message.of("该办件的文件尚未全部收到，请稍后重发。", "Not all files of the case have arrived; send it again later."),
					java.util.List.of());
		}
	}
}
