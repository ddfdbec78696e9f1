package dev.paykit.core.internal;

import dev.paykit.core.internal.spec.OperationSpec;
import feign.CollectionFormat;
import feign.FeignException;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.RetryableException;
import feign.TypedResponse;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import feign.template.HeaderTemplate;
import feign.template.QueryTemplate;
import feign.template.UriTemplate;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One attempt of one method of a generated interface, built and sent without Feign's per-call request
 * templates: what a client's own proxies ({@link ClientRuntime#api}) run for every method whose request
 * Feign would build from its {@code @RequestLine}, {@code @Headers}, {@code @Param}s and one body or form.
 *
 * <p>Feign builds each request by copying the method's template ({@code RequestTemplate.from}, which
 * copies every header and query template through streams), expanding it ({@code resolve}, which parses the
 * expanded URI again), then copying it into a {@link Request} and re-reading the base URL. Measured over
 * loopback, that is about as much CPU as the rest of paykit's own work per call (docs/benchmarks.md). Here
 * the method's URI, query and header templates are Feign's own ({@link UriTemplate}, {@link QueryTemplate},
 * {@link HeaderTemplate}), created once from the method's parsed template with the same charset, slash
 * decoding and collection format; each attempt expands them as {@code RequestTemplate.resolve} does, with
 * the same variables (the arguments through the contract's expanders, nulls left out) and the same
 * encoder chain on a scratch template (a JSON body straight to its last link, see {@link BodyKind}), then
 * hands the request to the same transport, decoder and error decoder.
 * The expanded URI is taken as it is only when Feign's second parse of it would leave it unchanged (ASCII
 * URI characters, complete percent-escapes, no braces, no repeated or empty query parameter); any other is
 * given to Feign's own parse, so what goes on the wire is Feign's in every case (a test compares both
 * request for request over every generated method). What is sent then goes through the same per-attempt
 * steps ({@link CallPipeline#applyAttemptSteps}) on an {@link AttemptRequest} of its own.
 *
 * <p>A method with anything else (a {@code URI} argument, a query or header map, a body template, a
 * {@code Request.Options} argument, a raw {@link Response} or {@link TypedResponse} answer), or a base URL
 * with a query or fragment, is left to Feign ({@link #of} returns empty). Thread-safe; one per method and
 * proxy.
 */
final class DirectCall {

  /** What every method of one proxy shares: the runtime's transport and codecs, and the pipeline. */
  record Wiring(feign.Client client, Request.Options options, ClientRuntime.Encoders encoders, Decoder decoder,
      ErrorDecoder errorDecoder, CallPipeline pipeline) {}

  /**
   * How the body is encoded: none; a form or a body through the whole encoder chain; a url-encoded form
   * from the plain-decimal link on (the multipart link would pass it on: its type is not multipart); a
   * JSON body straight to JSON (every link before would pass it on: it is no form, and its declared type
   * is no {@code Map<String, ?>} for the plain-decimal link to rewrite), with no template at all.
   */
  private enum BodyKind { NONE, FORM, URLENCODED_FORM, BODY, JSON_BODY }

  private static final String CONTENT_TYPE = "Content-Type";
  private static final String CONTENT_LENGTH = "Content-Length";
  private static final String URLENCODED = "application/x-www-form-urlencoded";
  private static final String URLENCODED_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";

  private final Wiring wiring;
  private final OperationSpec operation;
  private final String configKey;
  private final Request.HttpMethod httpMethod;
  private final Type returnType;
  private final boolean voidReturn;
  private final String base;
  private final RequestTemplate parsed;
  private final UriTemplate uriTemplate;
  /** The path's literals and its {@code {name}} expressions' names, when {@link #plainPath} may expand it; else null. */
  private final String[] pathLiterals;
  private final String[] pathVariables;
  private final QueryTemplate[] queries;
  /**
   * The path and query every request of the method has when the method has no URI or query variables
   * (what {@link Outgoing#url} gives unless a step changed it); null when they vary.
   */
  private final String constantRest;
  /** {@code base + constantRest}, one instance for every call, or null. */
  private final String constantUrl;
  private final String[] headerNames;
  /** The expansion of each of the method's headers that has no variable, computed once; null where it has. */
  private final String[] headerConstants;
  private final HeaderTemplate[] headerTemplates;
  /**
   * The variable of each header whose template is that variable alone ({@code {name}}), where Feign's
   * expansion of a text value is the text with {@code %2F} turned into {@code /} (its header templates
   * decode slashes); null elsewhere.
   */
  private final String[] headerVariables;
  private final List<String> contentType;
  private final int[] argIndex;
  private final String[][] argNames;
  private final Param.Expander[] expanders;
  private final BodyKind bodyKind;
  /**
   * A url-encoded form whose declared type is {@value #URLENCODED} itself: feign-form encodes it in UTF-8
   * and labels it {@value #URLENCODED_UTF8}, which {@link FormBody#plainFields} can write without it.
   */
  private final boolean plainUrlencoded;
  private final Set<String> formParams;
  private final int bodyIndex;
  private final Type bodyType;
  private final boolean bodyRequired;

  /** A copy of {@code plan} bound to one proxy: its wiring, its operation, its base URL. */
  private DirectCall(DirectCall plan, Wiring wiring, OperationSpec operation, String base) {
    this.wiring = wiring;
    this.operation = operation;
    this.base = base;
    this.configKey = plan.configKey;
    this.httpMethod = plan.httpMethod;
    this.returnType = plan.returnType;
    this.voidReturn = plan.voidReturn;
    this.parsed = plan.parsed;
    this.uriTemplate = plan.uriTemplate;
    this.pathLiterals = plan.pathLiterals;
    this.pathVariables = plan.pathVariables;
    this.queries = plan.queries;
    this.constantRest = plan.constantRest;
    this.constantUrl = plan.constantRest == null ? null : base + plan.constantRest;
    this.headerNames = plan.headerNames;
    this.headerConstants = plan.headerConstants;
    this.headerTemplates = plan.headerTemplates;
    this.headerVariables = plan.headerVariables;
    this.contentType = plan.contentType;
    this.argIndex = plan.argIndex;
    this.argNames = plan.argNames;
    this.expanders = plan.expanders;
    this.bodyKind = plan.bodyKind;
    this.plainUrlencoded = plan.plainUrlencoded;
    this.formParams = plan.formParams;
    this.bodyIndex = plan.bodyIndex;
    this.bodyType = plan.bodyType;
    this.bodyRequired = plan.bodyRequired;
  }

  /** The plan of one method: everything but the proxy's wiring, operation and base URL (all null). */
  private DirectCall(MethodMetadata md) {
    this.wiring = null;
    this.operation = null;
    this.base = null;
    this.configKey = md.configKey();
    RequestTemplate t = md.template();
    this.parsed = t;
    this.httpMethod = Request.HttpMethod.valueOf(t.method());
    this.returnType = md.returnType();
    this.voidReturn = returnType == void.class || returnType == Void.class;
    Charset charset = t.requestCharset();
    boolean decodeSlash = t.decodeSlash();
    CollectionFormat format = t.collectionFormat();
    String path = t.path(); // the template's own path: no target is set on a parsed method
    this.uriTemplate = UriTemplate.create(path, !decodeSlash, charset);
    String[][] plain = plainPathParts(path, uriTemplate);
    this.pathLiterals = plain == null ? null : plain[0];
    this.pathVariables = plain == null ? null : plain[1];
    List<QueryTemplate> qs = new ArrayList<>();
    t.queries().forEach((name, values) -> qs.add(QueryTemplate.create(name, values, charset, format, decodeSlash)));
    this.queries = qs.toArray(new QueryTemplate[0]);
    this.constantUrl = null;
    this.constantRest = uriTemplate.getVariables().isEmpty() && queries.length == 0
        ? new Outgoing("GET", relative(uri(Map.of())), new TreeMap<>(String.CASE_INSENSITIVE_ORDER), null, null).url()
        : null;
    Map<String, Collection<String>> headers = t.headers();
    this.headerNames = new String[headers.size()];
    this.headerConstants = new String[headers.size()];
    this.headerTemplates = new HeaderTemplate[headers.size()];
    this.headerVariables = new String[headers.size()];
    int h = 0;
    List<String> type = null;
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      headerNames[h] = e.getKey();
      HeaderTemplate template = HeaderTemplate.create(e.getKey(), e.getValue());
      if (e.getValue().stream().noneMatch(DirectCall::hasBrace)) {
        headerConstants[h] = template.expand(Map.of());
      } else {
        headerTemplates[h] = template;
        headerVariables[h] = loneVariable(template, e.getValue());
      }
      if (e.getKey().equalsIgnoreCase(CONTENT_TYPE)) {
        type = List.copyOf(e.getValue());
      }
      h++;
    }
    this.contentType = type;
    Map<Integer, Param.Expander> byIndex = expanders(md);
    int n = md.indexToName().size();
    this.argIndex = new int[n];
    this.argNames = new String[n][];
    this.expanders = new Param.Expander[n];
    int i = 0;
    for (Map.Entry<Integer, Collection<String>> e : md.indexToName().entrySet()) {
      argIndex[i] = e.getKey();
      argNames[i] = e.getValue().toArray(new String[0]);
      expanders[i] = byIndex.get(e.getKey());
      i++;
    }
    String declared = type != null && type.size() == 1 ? type.get(0).trim().toLowerCase(java.util.Locale.ROOT) : null;
    boolean multipart = declared == null || declared.contains("multipart");
    boolean urlencoded = declared != null && declared.startsWith("application/x-www-form-urlencoded");
    if (!md.formParams().isEmpty()) {
      this.bodyKind = urlencoded && !multipart ? BodyKind.URLENCODED_FORM : BodyKind.FORM;
    } else if (md.bodyIndex() != null) {
      boolean json = !multipart && !declared.contains("x-www-form-urlencoded")
          && !Encoder.MAP_STRING_WILDCARD.equals(md.bodyType());
      this.bodyKind = json ? BodyKind.JSON_BODY : BodyKind.BODY;
    } else {
      this.bodyKind = BodyKind.NONE;
    }
    this.plainUrlencoded = bodyKind == BodyKind.URLENCODED_FORM && type.size() == 1 && URLENCODED.equals(type.get(0));
    this.formParams = new HashSet<>(md.formParams());
    this.bodyIndex = md.bodyIndex() == null ? -1 : md.bodyIndex();
    this.bodyType = md.bodyType();
    this.bodyRequired = md.isBodyRequired();
  }

  /**
   * The direct call of this method, or empty when Feign must build its requests (see the class comment).
   *
   * @param md the method as the client's contract parsed it (its expanders included)
   * @param baseUrl the proxy's base URL
   */
  static Optional<DirectCall> of(Wiring wiring, OperationSpec operation, MethodMetadata md, String baseUrl) {
    String base = base(baseUrl);
    return base == null ? Optional.empty() : plan(md).map(p -> p.bind(wiring, operation, base));
  }

  /**
   * The methods of an interface that a direct call can send, as {@link SlashEncodingContract} (every
   * client's contract) parses them: planned once per JVM, like the contract's own parse, and bound per
   * proxy ({@link #bind}).
   */
  static Map<java.lang.reflect.Method, DirectCall> plans(Class<?> type) {
    return PLANS.get(type);
  }

  private static final ClassValue<Map<java.lang.reflect.Method, DirectCall>> PLANS = new ClassValue<>() {
    @Override
    protected Map<java.lang.reflect.Method, DirectCall> computeValue(Class<?> type) {
      Map<java.lang.reflect.Method, DirectCall> plans = new java.util.HashMap<>();
      for (MethodMetadata md : new SlashEncodingContract().parseAndValidateMetadata(type)) {
        plan(md).ifPresent(p -> plans.put(md.method(), p));
      }
      return Map.copyOf(plans);
    }
  };

  /** This plan bound to one proxy. */
  DirectCall bind(Wiring wiring, OperationSpec operation, String base) {
    return new DirectCall(this, wiring, operation, base);
  }

  /** The plan of this method, or empty when Feign must build its requests. */
  private static Optional<DirectCall> plan(MethodMetadata md) {
    RequestTemplate t = md.template();
    if (md.urlIndex() != null || md.queryMapIndex() != null || md.headerMapIndex() != null
        || md.alwaysEncodeBody() || t.bodyTemplate() != null || t.url().contains("#")
        || (md.formParams().isEmpty() && md.bodyIndex() == null && t.body() != null)) {
      return Optional.empty();
    }
    for (Class<?> p : md.method().getParameterTypes()) {
      if (Request.Options.class.isAssignableFrom(p)) {
        return Optional.empty();
      }
    }
    Class<?> raw = feign.Types.getRawType(md.returnType());
    if (raw == Response.class || TypedResponse.class.isAssignableFrom(raw)) {
      return Optional.empty();
    }
    Collection<String> types = t.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(CONTENT_TYPE)).findFirst().map(Map.Entry::getValue)
        .orElse(List.of());
    if (types.stream().anyMatch(DirectCall::hasBrace)) {
      return Optional.empty();
    }
    return Optional.of(new DirectCall(md));
  }

  /** The base URL as {@code RequestTemplate.target} keeps it; null when it carries a query or fragment. */
  static String base(String url) {
    if (url == null || !url.startsWith("http")) {
      return null;
    }
    String target = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException invalid) {
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getScheme() == null
        || uri.getRawAuthority() == null) {
      return null;
    }
    return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static Map<Integer, Param.Expander> expanders(MethodMetadata md) {
    if (md.indexToExpander() != null) {
      return new LinkedHashMap<>(md.indexToExpander());
    }
    Map<Integer, Param.Expander> out = new LinkedHashMap<>();
    md.indexToExpanderClass().forEach((i, type) -> {
      try {
        out.put(i, type.getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create the expander " + type.getName(), e);
      }
    });
    return out;
  }

  /**
   * The variable of a header template that is one variable alone, when Feign's own expansion of it confirms
   * what {@link #headerValue} assumes (the text as it is, {@code %2F} decoded); else null.
   */
  private static String loneVariable(HeaderTemplate template, Collection<String> values) {
    if (values.size() != 1) {
      return null;
    }
    String value = values.iterator().next();
    if (value.length() < 3 || value.charAt(0) != '{' || value.charAt(value.length() - 1) != '}') {
      return null;
    }
    String name = value.substring(1, value.length() - 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
          || (i > 0 && (c == '-' || c == '.')))) {
        return null;
      }
    }
    String probe = "a b%2Fc,d%2f%25{e}";
    return template.expand(Map.of(name, probe)).equals(probe.replace("%2F", "/"))
        && template.expand(Map.of()).isEmpty() ? name : null;
  }

  private static boolean hasBrace(String s) {
    return s != null && (s.indexOf('{') >= 0 || s.indexOf('}') >= 0);
  }

  /** One attempt: builds the request, runs the attempt steps, sends it and decodes the answer. */
  Object invoke(Object[] argv) throws Throwable {
    Map<String, Object> variables = variables(argv);
    byte[] body = null;
    Charset charset = null;
    Map<String, Collection<String>> encoded = null;
    Map<String, String> formFields = null;
    if (bodyKind != BodyKind.NONE) {
      boolean form = bodyKind == BodyKind.FORM || bodyKind == BodyKind.URLENCODED_FORM;
      Object value;
      if (form) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : variables.entrySet()) {
          if (formParams.contains(e.getKey())) {
            fields.put(e.getKey(), e.getValue());
          }
        }
        value = fields;
      } else {
        value = argv[bodyIndex];
        if (bodyRequired && value == null) {
          throw new IllegalArgumentException("Body parameter " + bodyIndex + " was null"); // as Feign
        }
      }
      Type type = form ? Encoder.MAP_STRING_WILDCARD : bodyType;
      RequestTemplate scratch = null;
      try {
        // inside the try: a value whose text cannot be made (a decimal too long to write out) fails as
        // an encoder's failure, before anything is sent, as on Feign's path
        Map<String, String> plain = plainUrlencoded ? FormBody.plainFields((Map<?, ?>) value) : null;
        if (plain != null) {
          // the bytes, label and charset the plain-decimal and form links would give (UTF-8, fields in
          // order, each value's plain text), and the fields the steps' shared form would decode from them
          body = FormBody.encode(plain);
          charset = StandardCharsets.UTF_8;
          encoded = body.length > 0 ? Map.of(CONTENT_TYPE, List.of(URLENCODED_UTF8),
              CONTENT_LENGTH, List.of(String.valueOf(body.length))) : Map.of(CONTENT_TYPE, List.of(URLENCODED_UTF8));
          formFields = plain;
        } else if (bodyKind == BodyKind.JSON_BODY) {
          body = wiring.encoders().json().bytes(value, type);
          charset = StandardCharsets.UTF_8; // as the JSON encoder labels its body
        } else {
          scratch = new RequestTemplate();
          if (contentType != null) {
            scratch.header(CONTENT_TYPE, contentType);
          }
          (bodyKind == BodyKind.URLENCODED_FORM ? wiring.encoders().form() : wiring.encoders().all())
              .encode(value, type, scratch);
        }
      } catch (EncodeException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new EncodeException(e.getMessage(), e); // as Feign wraps what an encoder throws
      }
      if (scratch != null) {
        body = scratch.body();
        charset = scratch.requestBody() == null ? null : scratch.requestBody().getEncoding().orElse(null);
        encoded = scratch.headers();
      }
    }
    TreeMap<String, List<String>> headers = headers(variables, encoded);
    if (bodyKind == BodyKind.JSON_BODY) {
      contentLength(headers, body); // as Feign's template sets it with the body
    }
    Outgoing request = new Outgoing(httpMethod.name(), relative(uri(variables)), headers, body, charset);
    request.formFields = formFields;
    wiring.pipeline().applyAttemptSteps(request, operation);
    return send(request);
  }

  /** The template's variables, as Feign's {@code BuildTemplateByResolvingArgs} gives them. */
  private Map<String, Object> variables(Object[] argv) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < argIndex.length; i++) {
      Object value = argv[argIndex[i]];
      if (value == null) {
        continue; // null values are left out
      }
      Param.Expander expander = expanders[i];
      if (expander != null) {
        value = expandElements(expander, value);
      }
      for (String name : argNames[i]) {
        variables.put(name, value);
      }
    }
    return variables;
  }

  private static Object expandElements(Param.Expander expander, Object value) {
    if (value instanceof Iterable<?> iterable) {
      List<String> values = new ArrayList<>();
      for (Object element : iterable) {
        if (element != null) {
          values.add(expander.expand(element));
        }
      }
      return values;
    }
    return expander.expand(value);
  }

  /** The expanded URI with its query, as {@code RequestTemplate.resolve} joins them. */
  private String uri(Map<String, Object> variables) {
    StringBuilder uri = new StringBuilder(64);
    String expanded = plainPath(variables);
    if (expanded == null) {
      expanded = uriTemplate.expand(variables);
    }
    if (expanded != null) {
      uri.append(expanded);
    }
    if (queries.length > 0) {
      StringBuilder query = new StringBuilder();
      for (int i = 0; i < queries.length; i++) {
        String q = queries[i].expand(variables);
        if (q != null && !q.isBlank()) {
          query.append(q);
          if (i < queries.length - 1) {
            query.append('&');
          }
        }
      }
      if (query.length() > 0) {
        uri.append(hasQuery(uri) ? '&' : '?').append(query);
      }
    }
    return uri.toString();
  }

  /**
   * The path expanded without Feign's template when that gives the same text: a path of plain literals and
   * {@code {name}} expressions ({@link #pathLiterals}, {@link #pathVariables}) whose values are all non-empty
   * strings of unreserved characters (RFC 3986: letters, digits, {@code - . _ ~}), which Feign's expansion
   * leaves as they are. Null otherwise: Feign's template expands it.
   */
  private String plainPath(Map<String, Object> variables) {
    if (pathVariables == null) {
      return null;
    }
    int length = 0;
    for (int i = 0; i < pathVariables.length; i++) {
      if (!(variables.get(pathVariables[i]) instanceof String value) || !unreserved(value)) {
        return null;
      }
      length += value.length() + pathLiterals[i].length();
    }
    StringBuilder path = new StringBuilder(length + pathLiterals[pathVariables.length].length());
    for (int i = 0; i < pathVariables.length; i++) {
      path.append(pathLiterals[i]).append((String) variables.get(pathVariables[i]));
    }
    return path.append(pathLiterals[pathVariables.length]).toString();
  }

  private static boolean unreserved(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits a path into the literals around its {@code {name}} expressions, when it is only those, its
   * literals only unreserved characters and {@code /}, and Feign's template expands it as their
   * concatenation (checked here, once); null otherwise. Element 0 of the result holds the literals, element
   * 1 the names.
   */
  private static String[][] plainPathParts(String path, UriTemplate template) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = path.indexOf('{', at);
      String literal = open < 0 ? path.substring(at) : path.substring(at, open);
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if (c != '/' && (c == '}' || !unreserved(String.valueOf(c)))) {
          return null;
        }
      }
      literals.add(literal);
      if (open < 0) {
        break;
      }
      int close = path.indexOf('}', open);
      if (close < 0) {
        return null;
      }
      String name = path.substring(open + 1, close);
      if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        return null;
      }
      names.add(name);
      at = close + 1;
    }
    if (names.isEmpty()) {
      return null;
    }
    Map<String, Object> sample = new LinkedHashMap<>();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sample.put(names.get(i), "v" + i + "-a.b_c~");
    }
    for (int i = 0; i < names.size(); i++) {
      expected.append(literals.get(i)).append(sample.get(names.get(i)));
    }
    expected.append(literals.get(names.size()));
    if (!expected.toString().equals(template.expand(sample))) {
      return null;
    }
    return new String[][] {literals.toArray(new String[0]), names.toArray(new String[0])};
  }

  /** Whether the expanded path already has a query: a {@code ?} not right after a {@code {}. */
  private static boolean hasQuery(CharSequence uri) {
    for (int i = 0; i < uri.length(); i++) {
      if (uri.charAt(i) == '?' && (i == 0 || uri.charAt(i - 1) != '{')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The relative URL (path, query) that Feign's resolved template would give for this expanded URI, as
   * the path and the query's parameters. Taken as it is when Feign's parse would not change it, else
   * parsed by Feign.
   */
  private Relative relative(String uri) {
    Relative plain = Relative.ifUnchanged(uri);
    if (plain != null) {
      return plain;
    }
    RequestTemplate resolved = RequestTemplate.from(parsed);
    resolved.queries(Collections.emptyMap());
    resolved.uri(uri);
    String url = resolved.url();
    return Relative.split(url);
  }

  /** The method's headers expanded, with the encoder's in place of the method's {@code Content-Type}. */
  private TreeMap<String, List<String>> headers(Map<String, Object> variables,
      Map<String, Collection<String>> encoded) {
    TreeMap<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headerNames.length; i++) {
      String value = headerConstants[i] != null ? headerConstants[i] : headerValue(i, variables);
      if (!value.isEmpty()) {
        out.put(headerNames[i], one(value));
      }
    }
    if (encoded != null) {
      out.remove(CONTENT_TYPE); // the scratch template started with it: what the encoder left is what counts
      for (Map.Entry<String, Collection<String>> e : encoded.entrySet()) {
        out.remove(e.getKey());
        Collection<String> values = e.getValue();
        String value;
        if (values.size() == 1 && !hasBrace(values.iterator().next()) && !values.iterator().next().isEmpty()) {
          value = values.iterator().next();
        } else {
          value = HeaderTemplate.create(e.getKey(), values).expand(variables);
        }
        if (!value.isEmpty()) {
          out.put(e.getKey(), one(value));
        }
      }
    }
    return out;
  }

  private String headerValue(int i, Map<String, Object> variables) {
    String variable = headerVariables[i];
    if (variable != null) {
      Object value = variables.get(variable);
      if (value == null) {
        return ""; // unresolved: Feign leaves the header out
      }
      if (value instanceof String text) {
        return text.contains("%2F") ? text.replace("%2F", "/") : text;
      }
    }
    return headerTemplates[i].expand(variables);
  }

  /** The {@code Content-Length} that Feign's template gives a body (none for an empty one). */
  private static void contentLength(TreeMap<String, List<String>> headers, byte[] body) {
    headers.remove(CONTENT_LENGTH);
    if (body != null && body.length > 0) {
      headers.put(CONTENT_LENGTH, one(String.valueOf(body.length)));
    }
  }

  private static List<String> one(String value) {
    List<String> values = new ArrayList<>(1);
    values.add(value);
    return values;
  }

  /** Sends the request and decodes the answer, as Feign's method handler and response handler do. */
  private Object send(Outgoing outgoing) throws Throwable {
    String rest = outgoing.url();
    boolean constant = constantRest != null && constantRest.equals(rest);
    String url = constant ? constantUrl : base + rest;
    CallContext call = CallContext.current();
    if (call != null) {
      call.constantUrl(constant ? url : null); // the transport may keep its parse (OkHttpTransport#url)
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Collection<String>> headers = (Map) outgoing.headers;
    Request request = Request.create(httpMethod, url, headers, outgoing.body, outgoing.charset, null);
    Response response;
    try {
      response = wiring.client().execute(request, wiring.options());
    } catch (IOException e) {
      throw new RetryableException(-1, e.getMessage() + " executing " + httpMethod + " " + url, httpMethod, e,
          (Long) null, request);
    }
    try {
      try {
        int status = response.status();
        if (status < 200 || status >= 300) {
          try {
            throw wiring.errorDecoder().decode(configKey, response);
          } finally {
            feign.Util.ensureClosed(response.body());
          }
        }
        if (voidReturn) {
          feign.Util.ensureClosed(response.body());
          return null;
        }
        try {
          return wiring.decoder().decode(response, returnType);
        } catch (FeignException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new DecodeException(response.status(), e.getMessage(), request, e);
        }
      } finally {
        feign.Util.ensureClosed(response.body()); // Feign closes after decoding
      }
    } catch (IOException e) {
      throw new ReadFailure(response.status(), e.getMessage() + " reading " + httpMethod + " " + url, request, e);
    }
  }

  /** An answer that could not be read, as Feign reports it: the {@link IOException} is the cause. */
  static final class ReadFailure extends FeignException {
    private static final long serialVersionUID = 1L;

    ReadFailure(int status, String message, Request request, IOException cause) {
      super(status, message, request, cause);
    }
  }

  /** A relative URL: the path, and the query's parameters in order, each {@code name=value} as sent. */
  record Relative(String path, List<String> names, List<String> pieces, String fragment) {

    /** The URI as it is, when Feign's second parse would give it back unchanged; else null. */
    static Relative ifUnchanged(String uri) {
      if (uri.isEmpty() || uri.charAt(0) != '/') {
        return null;
      }
      int q = uri.indexOf('?');
      String path = q < 0 ? uri : uri.substring(0, q);
      if (!plain(path, 0, path.length())) {
        return null;
      }
      List<String> names = new ArrayList<>(4);
      List<String> pieces = new ArrayList<>(4);
      if (q >= 0) {
        int end = uri.length();
        while (end > q + 1 && uri.charAt(end - 1) == '&') {
          end--; // Java's split drops trailing empty parameters, as Feign's parse does
        }
        int start = q + 1;
        while (start < end) {
          int amp = uri.indexOf('&', start);
          int stop = amp < 0 || amp > end ? end : amp;
          int eq = uri.indexOf('=', start);
          if (eq <= start || eq >= stop - 1 || !plain(uri, start, stop)) {
            return null; // an empty parameter, no name or no value, or characters Feign would change
          }
          String name = uri.substring(start, eq);
          if (names.contains(name)) {
            return null; // Feign groups repeated names
          }
          names.add(name);
          pieces.add(uri.substring(start, stop));
          start = stop + 1;
        }
      }
      return new Relative(path, names, pieces, null);
    }

    /** A relative URL as Feign's template gives it ({@code path?query#fragment}). */
    static Relative split(String url) {
      String fragment = null;
      int hash = url.indexOf('#');
      if (hash >= 0) {
        fragment = url.substring(hash);
        url = url.substring(0, hash);
      }
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      List<String> names = new ArrayList<>();
      List<String> pieces = new ArrayList<>();
      if (q >= 0) {
        for (String piece : url.substring(q + 1).split("&")) {
          if (piece.isEmpty()) {
            continue;
          }
          int eq = piece.indexOf('=');
          names.add(eq < 0 ? piece : piece.substring(0, eq));
          pieces.add(piece);
        }
      }
      return new Relative(path, names, pieces, fragment);
    }

    /**
     * Whether {@code s[from, to)} is made only of characters Feign's literal encoding keeps: ASCII letters,
     * digits, {@code -._~}, the reserved {@code :/?[]@!$&'()*+,;=} and complete percent-escapes.
     */
    private static boolean plain(String s, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          continue;
        }
        switch (c) {
          case '-', '.', '_', '~', ':', '/', '?', '[', ']', '@', '!', '$', '&', '\'', '(', ')', '*', '+', ',',
              ';', '=' -> { // no '#': Feign's parse would take what follows as a fragment
            continue;
          }
          case '%' -> {
            if (i + 2 < to && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
              i += 2;
              continue;
            }
            return false;
          }
          default -> {
            return false;
          }
        }
      }
      return true;
    }

    private static boolean hex(char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
  }

  /** The request of one attempt, as the steps change it before it is sent. */
  static final class Outgoing implements AttemptRequest {
    private final String method;
    private final String path;
    private final List<String> queryNames;
    private final List<String> queryPieces;
    private final String fragment;
    private final TreeMap<String, List<String>> headers;
    private byte[] body;
    /** The body's charset as Feign's template would label it (none for a multipart body). */
    private Charset charset;

    Outgoing(String method, Relative url, TreeMap<String, List<String>> headers, byte[] body, Charset charset) {
      this.method = method;
      this.path = url.path();
      this.queryNames = new ArrayList<>(url.names());
      this.queryPieces = new ArrayList<>(url.pieces());
      this.fragment = url.fragment();
      this.headers = headers;
      this.body = body;
      this.charset = charset;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String url() {
      if (queryPieces.isEmpty() && fragment == null) {
        return path;
      }
      StringBuilder url = new StringBuilder(path.length() + 64).append(path);
      for (int i = 0; i < queryPieces.size(); i++) {
        url.append(i == 0 ? '?' : '&').append(queryPieces.get(i));
      }
      if (fragment != null) {
        url.append(fragment);
      }
      return url.toString();
    }

    @Override
    public byte[] body() {
      return body;
    }

    /**
     * The fields of the body as {@link FormBody} decodes them, known without decoding (null when not, or
     * once taken or the body replaced): a url-encoded form the call wrote from its values.
     */
    private Map<String, String> formFields;

    /** {@link #formFields}, handed out once: the taker may change it. */
    Map<String, String> takeFormFields() {
      Map<String, String> taken = formFields;
      formFields = null;
      return taken;
    }

    @Override
    public void body(byte[] body) {
      this.formFields = null;
      this.body = body;
      this.charset = StandardCharsets.UTF_8; // as AttemptRequest.of(template) writes a body
      contentLength(headers, body);
    }

    @Override
    public void removeHeader(String name) {
      headers.remove(name);
    }

    @Override
    public void replaceHeader(String name, String value) {
      headers.remove(name); // the new name's spelling, as Feign's template keeps it
      if (value != null && !value.isEmpty()) {
        headers.put(name, one(value)); // an empty value: no header, as Feign's template leaves it out
      }
    }

    @Override
    public void replaceQuery(String name, String encodedValue) {
      for (int i = queryNames.size() - 1; i >= 0; i--) {
        if (queryNames.get(i).equals(name)) {
          queryNames.remove(i);
          queryPieces.remove(i);
        }
      }
      if (encodedValue != null) {
        queryNames.add(name);
        queryPieces.add(encodedValue.isEmpty() ? name // the name alone, as Feign writes a parameter without values
            : Relative.plain(name, 0, name.length()) && Relative.plain(encodedValue, 0, encodedValue.length())
                && name.indexOf('&') < 0 && name.indexOf('=') < 0 && encodedValue.indexOf('&') < 0
                ? name + "=" + encodedValue
                : QueryTemplate.create(name, List.of(encodedValue), StandardCharsets.UTF_8).toString());
      }
    }

    /** The headers as they will be sent (tests). */
    Map<String, List<String>> headers() {
      return headers;
    }
  }
}
