package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.core.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Every validation the validator tests make, made twice: fully ({@link SchemaValidator#validate}) and
 * through the schema's compiled plan ({@link SchemaValidator#compile}). The plan accepts exactly the values
 * without violations, and the compiled validation reports the same violations (fields, rules, messages).
 */
final class CompiledCrossCheck {

  private CompiledCrossCheck() {}

  static List<Violation> validate(SchemaValidator validator, String field, JsonNode value, JsonNode schema) {
    List<Violation> full = new ArrayList<>();
    validator.validate(field, value, schema, full);
    SchemaValidator.Compiled compiled = validator.compile(schema);
    List<Violation> viaPlan = new ArrayList<>();
    compiled.validate(field, value, viaPlan);
    assertThat(compiled.planAccepts(value)).as("the plan accepts %s exactly when it is valid (%s)", value, full)
        .isEqualTo(full.isEmpty());
    assertThat(viaPlan.stream().map(v -> v.field() + " " + v.rule() + " " + v.message()).toList())
        .isEqualTo(full.stream().map(v -> v.field() + " " + v.rule() + " " + v.message()).toList());
    return full;
  }
}
