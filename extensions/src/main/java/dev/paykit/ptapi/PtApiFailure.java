package dev.paykit.ptapi;

/**
 * What PT's typed exceptions share: PT's numeric error code. Implemented by the {@code PtApi...Exception}
 * classes, which extend the core's exception for their kind (invalid request, authentication, decline).
 */
public interface PtApiFailure {

  /** {@return the core's details of the failure (implemented by {@link dev.paykit.core.PaykitException})} */
  dev.paykit.core.ErrorDetails details();

  /**
   * PT's numeric code (e.g. {@code 401001}), or 0 when the answer carried none (the gateway's own answers).
   *
   * @return PT's code, or 0
   */
  default int ptCode() {
    String code = details().providerCode();
    if (code == null || !code.matches("[0-9]{6}")) {
      return 0;
    }
    return Integer.parseInt(code);
  }
}
