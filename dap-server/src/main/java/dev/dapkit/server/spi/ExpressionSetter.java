package dev.dapkit.server.spi;

/** Optional: assigns to an assignable expression ({@code setExpression}), e.g. {@code a.b[2]}. */
public interface ExpressionSetter {

    /** @return the expression's new value */
    TargetVariable setExpression(TargetFrame frame, String expression, String value) throws TargetException;
}
