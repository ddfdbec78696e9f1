package dev.paykit.sandbox.paypercut;

import java.time.Instant;

/** A stored object: its id, the account it was made under, when it was made (to the second). */
interface Owned {
  String id();

  String account();

  Instant created();
}
