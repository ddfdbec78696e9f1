/**
 * <b>Not for users.</b> The runtime's reading of a provider's OpenAPI spec (shipped as JSON in the jar,
 * parsed once per provider per JVM): operations, parameters, the {@code x-paykit-*} extensions, and the
 * schema validator. May change in any release without notice.
 */
package dev.paykit.core.internal.spec;
