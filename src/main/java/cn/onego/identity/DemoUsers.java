package cn.onego.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The demo staff users of {@code identity/demo-users.yaml}, listed in the README; applicants are never among them. */
class DemoUsers {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoUsers.class);

	private final Map<String, StaffUser> users = new LinkedHashMap<>();
	private final Map<String, String> passwords = new LinkedHashMap<>();
	// hashed when the user first signs in: a BCrypt hash each at start-up cost over a second for 13 users
	private final Map<String, String> passwordHashes = new java.util.concurrent.ConcurrentHashMap<>();
	private final PasswordEncoder encoder;

	@SuppressWarnings("unchecked")
	DemoUsers(ResourceLoader resources, String location, PasswordEncoder encoder) {
		this.encoder = encoder;
		Resource resource = resources.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			for (Map<String, Object> entry : entries) {
				String username = (String) entry.get("username");
				List<String> roles = (List<String>) entry.get("roles");
				EnumSet<Role> roleSet = EnumSet.noneOf(Role.class);
				roles.forEach(r -> roleSet.addAll(Role.parse(r)));
				if (roleSet.contains(Role.APPLICANT)) {
					// an applicant with a password of OneGo's would be an identity nobody verified
					log.warn("Demo user {} ignored: applicants sign in at the identity provider, not with a password here", username);
					continue;
				}
				users.put(username, new StaffUser(username, (String) entry.get("name"), roleSet, (String) entry.get("idNumber"),
						String.valueOf(entry.get("region")), (String) entry.get("hall"), (String) entry.get("department")));
				passwords.put(username, String.valueOf(entry.get("password")));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read demo users from " + location, e);
		}
	}

	Optional<StaffUser> find(String username) {
		return Optional.ofNullable(users.get(username));
	}

	List<StaffUser> all() {
		return new ArrayList<>(users.values());
	}

	/** The BCrypt hash of the demo user's password, computed at their first sign-in (hashing all at start-up is slow). */
	Optional<String> passwordHash(String username) {
		return users.containsKey(username)
				? Optional.of(passwordHashes.computeIfAbsent(username, u -> encoder.encode(passwords.get(u))))
				: Optional.empty();
	}
}
