package cn.onego.idp;

import java.time.Instant;
import java.util.UUID;

/**
 * A person registered at the identity provider after the real-name check.
 *
 * @param subject the stable opaque id tokens carry as {@code sub}
 * @param idNumber the verified 公民身份号码
 * @param name the name on record in the population registry
 * @param mobile the mobile number the registration code was sent to (the one on record)
 * @param username the chosen sign-in name (lower case)
 * @param passwordHash BCrypt
 * @param lockout the consecutive failed sign-ins and the lock they led to
 */
record Person(UUID subject, String idNumber, String name, String mobile, String username, String passwordHash,
		Instant createdAt, Lockout lockout) {
}
