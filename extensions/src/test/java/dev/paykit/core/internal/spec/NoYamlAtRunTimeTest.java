package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/**
 * Users get no YAML parser (jackson-dataformat-yaml is {@code provided}): building a client must not
 * need one. The classes of paykit are loaded again by a class loader that hides the YAML module, as on
 * a user's class path; a reference to it anywhere the JVM verifies while loading the spec reader (e.g. a
 * {@code YAMLFactory} passed where a {@code JsonFactory} is expected) fails the first build with a
 * {@link NoClassDefFoundError}.
 */
class NoYamlAtRunTimeTest {

  /** Loads {@code dev.paykit.*} itself from the test class path; refuses the YAML module. */
  static final class WithoutYaml extends ClassLoader {
    WithoutYaml() {
      super(NoYamlAtRunTimeTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.fasterxml.jackson.dataformat.yaml.")) {
        throw new ClassNotFoundException(name + " (hidden: not on a user's class path)");
      }
      if (!name.startsWith("dev.paykit.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  @Test
  void theHiddenYamlModuleIsReallyHidden() {
    assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLFactory", true,
        new WithoutYaml())).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aClientBuildsWithoutAYamlParser() throws Throwable {
    ClassLoader loader = new WithoutYaml();
    Class<?> client = Class.forName("dev.paykit.promptcash.PromptCashClient", true, loader);
    assertThat(client.getClassLoader()).isSameAs(loader);

    Object builder = client.getMethod("builder").invoke(null);
    builder.getClass().getMethod("publicToken", String.class).invoke(builder, "1-pub");
    builder.getClass().getMethod("secretToken", String.class).invoke(builder, "secret-token");
    Object built = invoke(builder, "build");

    assertThat(built.getClass()).isSameAs(client);
    ((AutoCloseable) built).close();
  }

  @Test
  void theSpecOfEveryShippedProviderLoadsWithoutAYamlParser() throws Exception {
    Class<?> spec = Class.forName("dev.paykit.core.internal.spec.ApiSpec", true, new WithoutYaml());
    for (String provider : new String[] {"promptcash", "prunny"}) {
      Object loaded = spec.getMethod("load", String.class).invoke(null, provider);
      assertThat(spec.getMethod("provider").invoke(loaded)).isEqualTo(provider);
    }
  }

  /** Invokes a no-argument method; a failure inside it is rethrown as itself (NoClassDefFoundError too). */
  private static Object invoke(Object target, String method) throws Throwable {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
