package cn.onego.crossregion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.FieldValue;
import cn.onego.cases.CaseHandling.PartnerDecision;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages of 远程流转 between two platforms, as they travel (docs/FEDERATION.md): the receiving platform
 * forwards a case it accepted for a region the other serves ({@value #FORWARD}), each of its files first in a message
 * of its own ({@value #FILE}) so that no message outgrows what a partner reads; the handling platform reports its
 * case back as it moves ({@value #REPORT}), every report carrying all decisions so far, so that a lost or late
 * report is made good by the next one.
 */
final class ForwardedCase {

	static final String FILE = "case.file";
	static final String FORWARD = "case.forward";
	static final String REPORT = "case.report";

	private ForwardedCase() {
	}

	/**
	 * A message's payload as its kind's record. One that does not fit is refused for good (422): left to fail as an
	 * unexpected error (500), the partner would send it again for ever.
	 */
	static <T> T read(JsonMapper json, JsonNode payload, Class<T> type) {
		try {
			return json.treeToValue(payload, type);
		}
		catch (JacksonException | IllegalArgumentException e) {
			throw new MessageRefused("消息内容不符合其类型的格式：" + type.getSimpleName());
		}
	}

	/** The receiving hall, as the handling platform's staff and documents name it. */
	record Hall(String name, String nameEn, String address, String phone) {
	}

	/** A file of the application; {@code hash} is the SHA-256 of its bytes, as the materials refer to it. */
	record File(String hash, String name, String contentType) {
	}

	/** {@value #FILE}: one file of a case about to be forwarded, with its bytes. */
	record FilePart(UUID caseId, String hash, String contentType, byte[] content) {
	}

	/** {@value #FORWARD}: the accepted case, its application and its files. */
	record Forward(UUID caseId, String number, String matter, String region, String receivedIn, Hall hall, Applicant applicant,
			Map<String, List<String>> answers, Map<String, FieldValue> form, Set<String> commitments, List<MaterialEntry> materials,
			Map<String, String> attachments, List<File> files, Instant submittedAt, Instant acceptedAt) {
	}

	/** The answer to a forward: the case it became on the handling platform. */
	record Received(UUID caseId, String number) {
	}

	/** {@value #REPORT}: where the handling platform's case stands, with every decision so far. */
	record Report(UUID originCaseId, String number, String state, String reason, List<PartnerDecision> decisions, Instant at) {
	}
}
