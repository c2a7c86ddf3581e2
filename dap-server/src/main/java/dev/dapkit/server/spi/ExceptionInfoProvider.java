package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.ExceptionInfoResponse;

/** Optional: details of the exception a thread stopped on ({@code exceptionInfo}). */
public interface ExceptionInfoProvider {

    ExceptionInfoResponse exceptionInfo(int threadId) throws TargetException;
}
