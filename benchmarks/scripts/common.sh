# Shared by the benchmark scripts: build the benchmarks jar of a tree and print its run-time class path.
# Never installs: the class path points at the reactor's own jars (extensions/target, generated-client/target).

# build_tree DIR: package the benchmarks module and what it needs, offline, tests skipped.
build_tree() {
  rm -f "$1/benchmarks/target/runtime-cp.txt"
  (cd "$1" && ./mvnw -B -q -o -pl benchmarks -am package -DskipTests \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile=target/runtime-cp.txt -Dmdep.includeScope=runtime) | grep -v '^#' || true
  test -s "$1/benchmarks/target/runtime-cp.txt" || { echo "build of $1 failed" >&2; exit 1; }
}

# classpath DIR: the benchmarks jar and its run-time dependencies.
classpath() {
  echo "$1/benchmarks/target/paykit-benchmarks-0.1.0-SNAPSHOT.jar:$(cat "$1/benchmarks/target/runtime-cp.txt")"
}
