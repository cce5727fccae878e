package cn.onego.crossregion;

import java.net.URI;
import java.util.List;

import cn.onego.shared.RegionCode;

/**
 * A partner instance known by its SM2 public key: another province's OneGo, or a system speaking the same protocol.
 * It is reached at {@code baseUrl} and handles the cases of the regions it {@code serves} (each region and every
 * region below it).
 */
public record Partner(String id, String name, URI baseUrl, List<RegionCode> serves) {

	public Partner {
		if (id == null || !Federation.ID.matcher(id).matches()) {
			throw new IllegalArgumentException("not an instance id (letters, digits, '.', '_', '-'; at most 64): " + id);
		}
		if (baseUrl == null || !baseUrl.isAbsolute() || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw new IllegalArgumentException("a partner's base URL is an absolute http(s) URL: " + baseUrl);
		}
		name = name == null || name.isBlank() ? id : name;
		serves = serves == null ? List.of() : List.copyOf(serves);
	}
}
