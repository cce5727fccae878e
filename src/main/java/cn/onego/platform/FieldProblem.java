package cn.onego.platform;

/**
 * What is wrong with one input field.
 *
 * @param field where the problem is: a field name, a JSON path or a file and location
 * @param code a stable machine-readable code, e.g. {@code required} or {@code check-digit}
 * @param message what is wrong and what to do, in Chinese and English
 */
public record FieldProblem(String field, String code, Message message) {
}
