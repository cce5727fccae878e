package cn.onego.cases;

/**
 * One thing the applicant is asked to supply: a material or a form field, why, and who asked (the
 * window, or a department's task). The window sends all open requests of a case as one notice.
 */
public record SupplementRequest(String subject, String why, String requestedBy, String task) {
}
