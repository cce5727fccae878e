package cn.onego.crossregion;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.onego.platform.DatabaseProperties;
import cn.onego.shared.RegionCode;

/**
 * This instance among its partners: its id and key, the partners it knows by their SM2 public keys, and which of
 * them handles a region. A region is served by whoever names the longest prefix of its code — this instance
 * ({@code onego.federation.serves}) or a partner (the regions it serves, each with every region below it) —, this
 * instance on a tie; with no {@code serves} of its own, this instance serves every region no partner serves.
 */
@Component
public class Federation {

	private static final Logger log = LoggerFactory.getLogger(Federation.class);

	/** What an instance id may be: it travels in a header and names rows. */
	static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Pattern PREFIX = Pattern.compile("\\d{1,12}");

	/** A partner with the key its requests must be signed with. */
	record Known(Partner partner, PublicKey key) {
	}

	private final FederationSettings settings;
	private final InstanceKey key;
	private final List<String> localPrefixes;
	private final Map<String, Known> partners = new ConcurrentHashMap<>();

	@org.springframework.beans.factory.annotation.Autowired
	Federation(FederationSettings settings, DatabaseProperties database) {
		this(settings, keyOf(settings, database));
	}

	Federation(FederationSettings settings, InstanceKey key) {
		if (!ID.matcher(settings.instance()).matches()) {
			throw new IllegalArgumentException("onego.federation.instance is not an instance id: " + settings.instance());
		}
		this.settings = settings;
		this.key = key;
		this.localPrefixes = settings.serves().stream().map(Federation::prefix).toList();
		for (FederationSettings.PartnerSettings configured : settings.partners()) {
			List<RegionCode> serves = configured.serves() == null ? List.of() : configured.serves().stream().map(RegionCode::of).toList();
			register(new Partner(configured.id(), configured.name(), configured.baseUrl(), serves), InstanceKey.readPublic(configured.publicKey()));
		}
	}

	/**
	 * Where the key pair lives: {@code onego.federation.key-file} when set (the same file on every node), otherwise
	 * beside the embedded database ({@code <data-dir>/federation/federation-key.pem}); for a throw-away test
	 * database, and with a warning for an external database without a file, in memory only.
	 */
	private static InstanceKey keyOf(FederationSettings settings, DatabaseProperties database) {
		if (!settings.keyFile().isEmpty()) {
			return InstanceKey.keptIn(Path.of(settings.keyFile()));
		}
		if (database.ephemeral()) {
			return InstanceKey.generate();
		}
		if (database.url() != null && !database.url().isBlank()) {
			log.warn("No onego.federation.key-file with an external database: this instance signs its messages to partners with "
					+ "a key kept in memory only, which partners will refuse after a restart. Configure a key file, the same on "
					+ "every node.");
			return InstanceKey.generate();
		}
		return InstanceKey.keptIn(database.dataDir().resolve("federation").resolve(InstanceKey.FILE));
	}

	/** A region-code prefix as configured: a whole code stands for itself and every region below it. */
	static String prefix(String configured) {
		String value = configured == null ? "" : configured.strip();
		if (RegionCode.isWellFormed(value)) {
			return RegionCode.of(value).prefix();
		}
		if (!PREFIX.matcher(value).matches()) {
			throw new IllegalArgumentException("onego.federation.serves: not a region code or prefix: " + configured);
		}
		return value;
	}

	/** This instance's id (onego.federation.instance, default "local"). */
	public String instanceId() {
		return settings.instance();
	}

	/** This instance's name for people (onego.federation.name, default its id). */
	public String instanceName() {
		return settings.name();
	}

	/** This instance's public key, which partners verify its requests with. */
	public PublicKey publicKey() {
		return key.publicKey();
	}

	/** The public key as the base64 of its X.509 encoding, as partners configure it. */
	public String publicKeyBase64() {
		return key.publicBase64();
	}

	/**
	 * The fingerprint of this instance's public key: the first 32 hex digits of the SM3 of its X.509 encoding, short
	 * enough to compare by telephone when administrators exchange keys.
	 */
	public String keyFingerprint() {
		return fingerprint(key.publicKey());
	}

	/** The fingerprint of the key a partner is known by. */
	public Optional<String> keyFingerprintOf(String partnerId) {
		return known(partnerId).map(known -> fingerprint(known.key()));
	}

	static String fingerprint(PublicKey key) {
		return SignedRequest.sm3Hex(key.getEncoded()).substring(0, 32);
	}

	/** The region-code prefixes this instance declares it serves; empty: every region no partner serves. */
	public List<String> serves() {
		return localPrefixes;
	}

	/**
	 * Whether this instance handles cases of the region: onego.federation.serves (list of region-code prefixes like
	 * "43" or "430100"); empty = every region that no partner serves.
	 */
	public boolean servesLocally(RegionCode region) {
		int local = longest(localPrefixes, region);
		if (localPrefixes.isEmpty()) {
			return partnerMatch(region).isEmpty();
		}
		return local >= 0 && partnerMatch(region).map(match -> match.length() <= local).orElse(true);
	}

	/** The partner that serves the region when this instance does not (longest prefix wins). */
	public Optional<Partner> partnerServing(RegionCode region) {
		if (servesLocally(region)) {
			return Optional.empty();
		}
		return partnerMatch(region).map(Match::partner);
	}

	public Optional<Partner> partner(String id) {
		return id == null ? Optional.empty() : Optional.ofNullable(partners.get(id)).map(Known::partner);
	}

	/** Every partner known now, by id. */
	public List<Partner> partners() {
		return partners.values().stream().map(Known::partner).sorted(Comparator.comparing(Partner::id)).toList();
	}

	/**
	 * Knows a partner from now on, or knows it anew (another address, key or regions): a key exchange at run time,
	 * for tests and administrators. Kept in memory: the configuration is what survives a restart.
	 */
	public void register(Partner partner, PublicKey publicKey) {
		if (partner.id().equals(instanceId())) {
			throw new IllegalArgumentException("a partner cannot have this instance's own id: " + partner.id());
		}
		if (publicKey == null) {
			throw new IllegalArgumentException("a partner is known by its public key");
		}
		partners.put(partner.id(), new Known(partner, publicKey));
		log.info("Federation partner {} ({}) at {} serving {}", partner.id(), partner.name(), partner.baseUrl(), partner.serves());
	}

	/** Knows the partner no more: its requests are refused and no region is served by it from now on. */
	public void forget(String id) {
		if (partners.remove(id) != null) {
			log.info("Federation partner {} forgotten", id);
		}
	}

	Optional<Known> known(String id) {
		return id == null ? Optional.empty() : Optional.ofNullable(partners.get(id));
	}

	InstanceKey key() {
		return key;
	}

	private record Match(Partner partner, int length) {
	}

	private Optional<Match> partnerMatch(RegionCode region) {
		Match best = null;
		for (Known known : partners.values()) {
			int length = longest(known.partner().serves().stream().map(RegionCode::prefix).toList(), region);
			if (length >= 0 && (best == null || length > best.length()
					|| length == best.length() && known.partner().id().compareTo(best.partner().id()) < 0)) {
				best = new Match(known.partner(), length);
			}
		}
		return Optional.ofNullable(best);
	}

	/** The length of the longest prefix of the region's code among these, or -1 when none is. */
	private static int longest(List<String> prefixes, RegionCode region) {
		int longest = -1;
		for (String prefix : prefixes) {
			if (region.value().startsWith(prefix) && prefix.length() > longest) {
				longest = prefix.length();
			}
		}
		return longest;
	}
}
