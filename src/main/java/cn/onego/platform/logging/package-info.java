/**
 * What the logs carry and what they never carry: the request's context on every line ({@link
 * cn.onego.platform.logging.LogContext}) and the masking of ID and mobile numbers behind the rule of not
 * logging them ({@link cn.onego.platform.logging.Masking}).
 */
package cn.onego.platform.logging;
