# Shared by the scripts/ironlease-* launchers: runs one module's runnable jar, built by `mvn -B package`.
# Usage (from a launcher): launch MODULE_DIR JAR_NAME "$@"
# IRONLEASE_JAVA_OPTS adds JVM options (e.g. -Xmx2g); the exit code is the program's own.

IRONLEASE_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"

launch() {
    local module="$1" jar_name="$2"
    shift 2
    local jar="$IRONLEASE_ROOT/$module/target/$jar_name.jar"
    if [ ! -f "$jar" ]; then
        echo "$jar_name: $jar is not built yet; run: (cd '$IRONLEASE_ROOT' && mvn -B -q package -DskipTests)" >&2
        exit 127
    fi
    # shellcheck disable=SC2086 # IRONLEASE_JAVA_OPTS is a list of JVM flags
    exec java ${IRONLEASE_JAVA_OPTS:-} -jar "$jar" "$@"
}
