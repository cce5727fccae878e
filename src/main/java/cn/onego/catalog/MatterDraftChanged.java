package cn.onego.catalog;

/**
 * A step of a composed matter's way into the catalogue. Published in the step's transaction, so that what
 * records it (the audit trail) commits with it.
 *
 * @param draft the draft's id
 * @param code the matter's code as composed
 * @param step {@code created}, {@code edited}, {@code submitted}, {@code sent-back} or {@code published}
 * @param by the catalogue administrator who took the step
 * @param detail the reason for sending back, the catalogue version published, or empty
 */
public record MatterDraftChanged(java.util.UUID draft, String code, String step, String by, String detail) {
}
