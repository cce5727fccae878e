/**
 * The ground every module stands on: the database (an embedded PostgreSQL under {@code ./data/} by
 * default, an external one when {@code ONEGO_DB_URL} is set, reached by the modules as a role that may change
 * rows and nothing else, and migrated as the schema's owner; watched, answered 503 while it is away and, when
 * embedded, restarted by {@link cn.onego.platform.DatabaseWatch}; backed up and restored by
 * {@link cn.onego.platform.Backups}; the reads that may be a moment behind served from a streaming replica named by
 * {@code ONEGO_DB_REPLICA_URL} while it keeps up, {@link cn.onego.platform.ReadOnlyData}), rate limits, the translation of errors into
 * bilingual {@code application/problem+json} (the servlet container's own included), the limits on what a
 * request may hold and the one rule book for text ({@link cn.onego.platform.Text}), and the OpenAPI
 * description, and personal data sealed at rest ({@link cn.onego.platform.crypto.PersonalData}, keys outside the
 * database behind {@link cn.onego.platform.crypto.DataKeys}). It owns no domain data.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.onego.platform;
