import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The release check, run at verify by the release-check module after every published module is packaged:
 * {@code java build-support/ReleaseCheck.java <checkout root>}.
 *
 * <p>Reads the root pom's modules (and the root itself). A module is published unless its pom sets
 * {@code <paykit.publish.skip>true</paykit.publish.skip>} (build-parent's switch for install, deploy,
 * sources, javadoc and signing). For every published module: the pom, through its parents in this
 * checkout, declares a licence (name and url), url, scm and developers. For every published jar module, in
 * its target directory: the jar, {@code -sources.jar} and {@code -javadoc.jar} exist and are not empty; the
 * jar has {@code META-INF/LICENSE} (the Apache-2.0 text) and {@code META-INF/NOTICE}, and a valid
 * {@code Automatic-Module-Name}; no {@code -tests.jar}. For every module, published or not: no jar in its
 * target directory is empty. The published pom module whose artifactId ends in {@code -bom} lists every
 * published jar module in its dependencyManagement, and no module that is not published. Prints one line
 * when everything holds; otherwise every problem, and exits 1.
 */
public final class ReleaseCheck {

  private static final Pattern MODULE_NAME =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  /** Jars of a module's earlier layout stay in target/ until a clean (e.g. -tests.jar, an empty jar). */
  private static final String STALE = " (left by an earlier build? ./mvnw clean removes it)";

  private final Path root;
  /** In the order found; a set, so a jar that fails two checks the same way is reported once. */
  private final Set<String> problems = new LinkedHashSet<>();
  private final List<String> checked = new ArrayList<>();
  /** artifactIds of the published jar modules, and of every module that is not published. */
  private final List<String> publishedJars = new ArrayList<>();
  private final List<String> unpublished = new ArrayList<>();
  /** The published pom module named *-bom, and the artifactIds its dependencyManagement lists. */
  private String bom;
  private final List<String> bomEntries = new ArrayList<>();

  private ReleaseCheck(Path root) {
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java ReleaseCheck.java <checkout root>");
      System.exit(2);
    }
    ReleaseCheck check = new ReleaseCheck(Path.of(args[0]).toAbsolutePath().normalize());
    check.run();
    if (!check.problems.isEmpty()) {
      System.err.println("release check FAILED (" + check.problems.size() + " problems):");
      check.problems.forEach(p -> System.err.println("  - " + p));
      System.exit(1);
    }
    System.out.println("release check: " + check.checked.size() + " published artifacts complete ("
        + String.join(", ", check.checked) + ")");
  }

  private void run() throws Exception {
    Path rootPom = root.resolve("pom.xml");
    Document rootDoc = parse(rootPom);
    List<Path> modules = new ArrayList<>();
    modules.add(root);
    for (Element m : children(child(rootDoc.getDocumentElement(), "modules"), "module")) {
      modules.add(root.resolve(m.getTextContent().trim()).normalize());
    }
    for (Path dir : modules) {
      checkModule(dir);
    }
    if (checked.isEmpty()) {
      problems.add("no published module found under " + root);
    }
    if (bom != null) {
      for (String jar : publishedJars) {
        if (!bomEntries.contains(jar)) {
          problems.add(bom + ": does not list the published " + jar + " (add it to its dependencyManagement)");
        }
      }
      for (String entry : bomEntries) {
        if (unpublished.contains(entry)) {
          problems.add(bom + ": lists " + entry + ", which is not published (paykit.publish.skip)");
        }
      }
    }
  }

  private void checkModule(Path dir) throws Exception {
    Path pom = dir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      problems.add(root.relativize(dir) + ": no pom.xml");
      return;
    }
    Element project = parse(pom).getDocumentElement();
    String artifactId = text(project, "artifactId");
    String packaging = text(project, "packaging");
    if (packaging == null) {
      packaging = "jar";
    }
    String version = text(project, "version");
    if (version == null) {
      version = text(child(project, "parent"), "version");
    }
    Element props = child(project, "properties");
    boolean published = !"true".equals(text(props, "paykit.publish.skip"));
    Path target = dir.resolve("target");

    // every module, published or not: no empty jar
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        for (Path jar : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
          long entries = contentEntries(jar);
          if (entries < 0) {
            problems.add(name(jar) + ": not a readable jar");
          } else if (entries == 0) {
            problems.add(name(jar) + ": empty jar (nothing outside META-INF)" + STALE);
          }
        }
      }
    }
    if (!published) {
      unpublished.add(artifactId);
      return;
    }
    checkPomMetadata(artifactId, pom);
    if ("jar".equals(packaging)) {
      String base = artifactId + "-" + version;
      Path jar = target.resolve(base + ".jar");
      Path sources = target.resolve(base + "-sources.jar");
      Path javadoc = target.resolve(base + "-javadoc.jar");
      Path tests = target.resolve(base + "-tests.jar");
      if (!Files.isRegularFile(jar)) {
        problems.add(artifactId + ": " + name(jar) + " missing (is the module packaged in this build?)");
        return;
      }
      publishedJars.add(artifactId);
      checkMainJar(artifactId, jar);
      requireEntry(artifactId, sources, "sources jar", ".java");
      requireEntry(artifactId, javadoc, "javadoc jar", "index.html");
      if (Files.exists(tests)) {
        problems.add(artifactId + ": " + name(tests) + " exists; test classes are not published" + STALE);
      }
    } else if ("pom".equals(packaging) && artifactId != null && artifactId.endsWith("-bom")) {
      bom = artifactId;
      for (Element d : children(child(child(project, "dependencyManagement"), "dependencies"), "dependency")) {
        bomEntries.add(text(d, "artifactId"));
      }
    } else if (!"pom".equals(packaging)) {
      problems.add(artifactId + ": packaging " + packaging + " is not checked by the release check");
    }
    checked.add(artifactId);
  }

  private void checkMainJar(String artifactId, Path jarPath) {
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      Manifest manifest = jar.getManifest();
      String moduleName = manifest == null ? null
          : manifest.getMainAttributes().getValue(new Attributes.Name("Automatic-Module-Name"));
      if (moduleName == null || moduleName.isBlank()) {
        problems.add(artifactId + ": no Automatic-Module-Name in " + name(jarPath));
      } else if (!MODULE_NAME.matcher(moduleName).matches()) {
        problems.add(artifactId + ": Automatic-Module-Name '" + moduleName + "' is not a valid module name");
      }
      JarEntry license = jar.getJarEntry("META-INF/LICENSE");
      if (license == null) {
        problems.add(artifactId + ": no META-INF/LICENSE in " + name(jarPath));
      } else {
        String text;
        try (InputStream in = jar.getInputStream(license)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!text.contains("Apache License") || !text.contains("Version 2.0")) {
          problems.add(artifactId + ": META-INF/LICENSE in " + name(jarPath) + " is not the Apache-2.0 text");
        }
      }
      if (jar.getJarEntry("META-INF/NOTICE") == null) {
        problems.add(artifactId + ": no META-INF/NOTICE in " + name(jarPath));
      }
      boolean classes = jar.stream().anyMatch(e -> e.getName().endsWith(".class"));
      if (!classes) {
        problems.add(artifactId + ": " + name(jarPath) + " holds no class");
      }
    } catch (IOException e) {
      problems.add(name(jarPath) + ": not a readable jar"); // the same line as the empty-jar scan's
    }
  }

  private void requireEntry(String artifactId, Path jarPath, String what, String suffix) {
    if (!Files.isRegularFile(jarPath)) {
      problems.add(artifactId + ": " + what + " " + name(jarPath) + " missing");
      return;
    }
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      if (jar.stream().noneMatch(e -> e.getName().endsWith(suffix))) {
        problems.add(artifactId + ": " + what + " " + name(jarPath) + " holds no " + suffix);
      }
    } catch (IOException e) {
      problems.add(name(jarPath) + ": not a readable jar"); // the same line as the empty-jar scan's
    }
  }

  /** Licence, url, scm and developers: in the pom or in a parent of it inside this checkout. */
  private void checkPomMetadata(String artifactId, Path pom) throws Exception {
    boolean licence = false;
    boolean url = false;
    boolean scm = false;
    boolean developers = false;
    Path current = pom;
    for (int depth = 0; current != null && depth < 10; depth++) {
      Element project = parse(current).getDocumentElement();
      for (Element l : children(child(project, "licenses"), "license")) {
        licence |= text(l, "name") != null && text(l, "url") != null;
      }
      url |= text(project, "url") != null;
      scm |= text(child(project, "scm"), "url") != null;
      developers |= !children(child(project, "developers"), "developer").isEmpty();
      current = parentPom(current, child(project, "parent"));
    }
    if (!licence) {
      problems.add(artifactId + ": no <licenses> (name and url) in its pom or its parents");
    }
    if (!url) {
      problems.add(artifactId + ": no <url> in its pom or its parents");
    }
    if (!scm) {
      problems.add(artifactId + ": no <scm><url> in its pom or its parents");
    }
    if (!developers) {
      problems.add(artifactId + ": no <developers> in its pom or its parents");
    }
  }

  /** The parent's pom in this checkout (relativePath, default ../pom.xml), if it is the declared parent. */
  private Path parentPom(Path pom, Element parent) throws Exception {
    if (parent == null) {
      return null;
    }
    String relative = text(parent, "relativePath");
    Path candidate = pom.getParent().resolve(relative == null ? "../pom.xml" : relative).normalize();
    if (Files.isDirectory(candidate)) {
      candidate = candidate.resolve("pom.xml");
    }
    if (!Files.isRegularFile(candidate) || !candidate.startsWith(root)) {
      return null;
    }
    String wanted = text(parent, "artifactId");
    return wanted != null && wanted.equals(text(parse(candidate).getDocumentElement(), "artifactId"))
        ? candidate : null;
  }

  /** Entries outside META-INF, or -1 when the file is not a readable jar. */
  private static long contentEntries(Path jarPath) {
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      return jar.stream().filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/")).count();
    } catch (IOException e) {
      return -1;
    }
  }

  private String name(Path p) {
    return root.relativize(p).toString();
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }
}
