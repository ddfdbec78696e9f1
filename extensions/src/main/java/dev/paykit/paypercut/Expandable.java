package dev.paykit.paypercut;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.internal.PaykitJson;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an expandable field ({@code PaymentIntent.getCustomer()}, {@code getPaymentMethod()}): the id as a
 * string, or, when the request's {@code expand} named the field, the object (decoded as a map).
 *
 * <pre>{@code
 * String customerId = Expandable.id(intent.getCustomer()).orElse(null);
 * Customer customer = Expandable.object(intent.getCustomer(), Customer.class).orElseThrow();
 * }</pre>
 */
public final class Expandable {

  private static final ObjectMapper MAPPER = PaykitJson.newMapper();

  private Expandable() {}

  /**
   * The id: the field itself when not expanded, the object's {@code id} when expanded.
   *
   * @param field the expandable field's value as decoded (a string or a map)
   * @return the id; empty when the field is absent or an object without an id
   */
  public static Optional<String> id(Object field) {
    if (field instanceof String s) {
      return Optional.of(s);
    }
    if (field instanceof Map<?, ?> m && m.get("id") instanceof String s) {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  /**
   * Whether the field came as the object ({@code expand} named it).
   *
   * @param field the expandable field's value as decoded
   * @return true when it came as the object
   */
  public static boolean isExpanded(Object field) {
    return field instanceof Map<?, ?>;
  }

  /**
   * The expanded object as {@code type} (a generated model); empty when the field is only an id or absent.
   *
   * @param <T> the model type
   * @param field the expandable field's value as decoded
   * @param type the generated model to decode the object as
   * @return the object; empty when the field is only an id or absent
   * @throws IllegalArgumentException when {@code type} is null, or the object does not decode as {@code type}
   */
  public static <T> Optional<T> object(Object field, Class<T> type) {
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (type.isInstance(field)) {
      return Optional.of(type.cast(field));
    }
    if (!(field instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    return Optional.of(MAPPER.convertValue(field, type));
  }
}
