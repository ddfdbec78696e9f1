/**
 * Helpers for testing code that uses the Paypercut client, never for production paths:
 * {@link dev.paykit.paypercut.testing.WebhookSigner} signs webhook bodies as Paypercut does.
 */
package dev.paykit.paypercut.testing;
