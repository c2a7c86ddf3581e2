package dev.dapkit.target.jvm;

import dev.dapkit.server.spi.Evaluator;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the conformance scenarios that evaluate expressions (the attach and pause scenarios read
 * the looping program's counter with {@code evaluate}) while the JVM target has no
 * {@link Evaluator}; they run as soon as it has one. Stateless.
 */
final class NeedsEvaluator implements ExecutionCondition {

    static final Set<String> SCENARIOS = Set.of(
            "attachStopsAtABreakpointAndDetachingLeavesTheDebuggeeRunning",
            "reattachingAgainAndAgainFindsTheDebuggeeRunningOn",
            "aWholeSessionFromBreakpointThroughInspectionAndStepsToTheExit",
            "pauseStopsARunningLoop",
            "aStructuredValueExpandsIntoItsChildren",
            "evaluateComputesInTheFrameForReplWatchAndHover",
            "evaluateOfAnUnknownNameIsAnErrorResponseThatSaysSo");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean needs = context.getTestMethod().map(m -> SCENARIOS.contains(m.getName())).orElse(false);
        if (needs && !(new JvmTargetProvider().create(null) instanceof Evaluator)) {
            return ConditionEvaluationResult.disabled("needs the JVM target's Java expression evaluator (evaluate),"
                    + " which has not landed yet; JvmAttachTest and JvmExecutionTest cover attach and pause without it");
        }
        return ConditionEvaluationResult.enabled("the scenario needs no evaluator, or the target has one");
    }
}
