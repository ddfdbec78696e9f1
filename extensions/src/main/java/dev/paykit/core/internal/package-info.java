/**
 * <b>Not for users.</b> The machinery provider packages build their clients from: the request pipeline
 * ({@link dev.paykit.core.internal.CallPipeline}, whose Javadoc states the order), the transport, the
 * outcome rule, envelopes, paging, derived values, multipart bodies, redaction. Public only so that
 * {@code dev.paykit.<provider>} packages can use it; it may change in any release without notice, and
 * no user-facing type exposes it (checked by the architecture test).
 */
package dev.paykit.core.internal;
