package cn.onego.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/** A draft or submitted application as stored. {@code version} guards against lost updates. */
public record ApplicationRecord(UUID id, Status status, String matter, long catalogueVersion, Applicant applicant,
		String actingPerson, Agent agent, String region, Channel channel, UUID consentId, Map<String, List<String>> answers,
		Map<String, FieldValue> form, Set<String> commitments, Materials materials, Delivery delivery, String createdBy,
		Instant createdAt, Instant updatedAt, Instant submittedAt, int version, String park,
		String acceptingHall) {

	public enum Status {
		DRAFT, SUBMITTED
	}

	/** Someone acting for the applicant, in a recorded capacity (帮代办 staff, relative, handler). */
	public record Agent(String username, String name, String capacity) {
	}

	/** The files attached by material and, once submitted, how each material was resolved. */
	public record Materials(Map<String, String> attachments, List<MaterialEntry> resolved) {
	}

	/** One material of a submitted application; {@code gap}: missing, for the window to decide on 容缺. */
	public record MaterialEntry(String material, Label name, boolean required, Resolution.Source source,
			Message explanation, String attachment, boolean gap, List<String> neededBy) {
	}
}
