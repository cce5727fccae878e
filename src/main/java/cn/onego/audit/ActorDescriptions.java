package cn.onego.audit;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.identity.Role;
import cn.onego.shared.IdNumber;

/**
 * Who an actor is, as an audit record states it: the username, the roles (comma-separated; {@code SYSTEM}
 * for the platform's own decisions and jobs) and the scope the roles act in — a hall, a department, a region,
 * or for an applicant the person (ID number masked).
 */
@Component
class ActorDescriptions {

	static final String SYSTEM = "SYSTEM";
	static final String UNKNOWN = "UNKNOWN";

	record Description(String username, String role, String scope) {
	}

	private final Actors actors;

	/** Looked up once a minute at most per user: a case's steps name the same few people many times. */
	private final Cache<String, Description> known = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	ActorDescriptions(Actors actors) {
		this.actors = actors;
	}

	Description of(Actor actor) {
		String role = actor.roles().isEmpty() ? SYSTEM
				: actor.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
		return new Description(actor.username(), role, scope(actor));
	}

	Description of(String username) {
		if (username == null || username.isBlank()) {
			return new Description("unknown", UNKNOWN, null);
		}
		if (username.equals(Actors.SYSTEM.username())) {
			return of(Actors.SYSTEM);
		}
		return known.get(username, name -> actors.byUsername(name).map(this::of).orElse(new Description(name, UNKNOWN, null)));
	}

	private static String scope(Actor actor) {
		if (actor.roles().isEmpty()) {
			return "platform";
		}
		List<String> parts = new java.util.ArrayList<>();
		if (actor.has(Role.APPLICANT) && actor.idNumber() != null) {
			parts.add("person:" + IdNumber.mask(actor.idNumber()));
		}
		if (actor.hall() != null) {
			parts.add("hall:" + actor.hall());
		}
		if (actor.department() != null) {
			parts.add("department:" + actor.department());
		}
		if (actor.region() != null) {
			parts.add("region:" + actor.region());
		}
		return parts.isEmpty() ? null : String.join(" ", parts);
	}
}
