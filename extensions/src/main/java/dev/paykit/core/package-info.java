/**
 * What users of every paykit client touch: the exception hierarchy ({@link dev.paykit.core.PaykitException}
 * and its families, {@link dev.paykit.core.OutcomeUnknownException}, {@link dev.paykit.core.ValidationException}
 * with its {@link dev.paykit.core.Violation}s), {@link dev.paykit.core.ErrorDetails}, per-call
 * {@link dev.paykit.core.RequestOptions}, {@link dev.paykit.core.RetryPolicy}, {@link dev.paykit.core.HttpOptions},
 * {@link dev.paykit.core.ClientBuilder} and {@link dev.paykit.core.AutoPager}. No type here names a provider;
 * provider-only exceptions live in their provider's package.
 */
package dev.paykit.core;
