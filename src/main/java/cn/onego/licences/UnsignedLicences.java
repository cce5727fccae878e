package cn.onego.licences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, signs the licences recorded before licences were signed (V42), so that every licence verifies: they
 * get their issuer's key, an identifier and a verification code as if issued now, with their data as recorded.
 */
@Component
class UnsignedLicences {

	private static final Logger log = LoggerFactory.getLogger(UnsignedLicences.class);

	private final ELicences licences;

	UnsignedLicences(ELicences licences) {
		this.licences = licences;
	}

	@EventListener(ApplicationReadyEvent.class)
	void signThem() {
		int signed;
		int total = 0;
		while ((signed = licences.signUnsigned()) > 0) {
			total += signed;
		}
		if (total > 0) {
			log.info("Signed {} electronic licences recorded before licences were signed", total);
		}
	}
}
