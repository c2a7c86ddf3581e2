package dev.dapkit.server.internal;

/**
 * What is checked when a breakpoint is hit: a condition, a hit condition and a logpoint message,
 * as the client wrote them, parsed for the engine when it does the checking, or why the
 * breakpoint cannot be set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param condition an expression that must be true to fire, or null
 * @param hitConditionText the hit condition as the client wrote it, or null
 * @param logMessageText the logpoint message as the client wrote it, or null for a breakpoint that stops
 * @param hitCondition the parsed hit condition, or null (always null when the target checks natively)
 * @param logMessage the parsed logpoint message, or null
 * @param invalidReason why the breakpoint cannot be set (shown as its message), or null when it can
 */
record BreakpointRule(String condition, String hitConditionText, String logMessageText, HitCondition hitCondition,
        LogMessageTemplate logMessage, String invalidReason) {

    static final BreakpointRule PLAIN = new BreakpointRule(null, null, null, null, null, null);

    /**
     * The rule for a target that checks conditions, hit conditions and logpoints itself: the texts
     * are passed on as they are.
     */
    static BreakpointRule forNativeTarget(String condition, String hitCondition, String logMessage) {
        return new BreakpointRule(blankToNull(condition), blankToNull(hitCondition), emptyToNull(logMessage),
                null, null, null);
    }

    /**
     * The rule the engine checks itself.
     *
     * @param canEvaluate whether the target has an evaluator for conditions and logpoint expressions
     */
    static BreakpointRule forEngine(String condition, String hitCondition, String logMessage, boolean canEvaluate,
            String targetId) {
        String cond = blankToNull(condition);
        String hit = blankToNull(hitCondition);
        String log = emptyToNull(logMessage);
        HitCondition parsed = null;
        String invalid = null;
        if (hit != null) {
            try {
                parsed = HitCondition.parse(hit);
            } catch (IllegalArgumentException e) {
                invalid = e.getMessage();
            }
        }
        LogMessageTemplate template = log == null ? null : LogMessageTemplate.parse(log);
        if (invalid == null && !canEvaluate && cond != null) {
            invalid = "conditions are not supported by target '" + targetId + "' (it cannot evaluate expressions)";
        }
        if (invalid == null && !canEvaluate && template != null && template.hasExpressions()) {
            invalid = "logpoint expressions are not supported by target '" + targetId
                    + "' (it cannot evaluate expressions)";
        }
        return new BreakpointRule(cond, hit, log, parsed, template, invalid);
    }

    boolean isValid() {
        return invalidReason == null;
    }

    /** Whether the engine has anything to check on a hit. */
    boolean needsEngine() {
        return condition != null || hitCondition != null || logMessage != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
