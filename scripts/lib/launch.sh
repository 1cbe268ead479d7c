# Shared by the scripts/ironlease-* launchers: runs a module's runnable jar, built by `mvn -B package`.
# From a launcher:  launch MODULE_DIR JAR_NAME [MAIN_CLASS] -- "$@"
# IRONLEASE_JAVA_OPTS adds JVM options (e.g. -Xmx2g); the exit code is the program's own.

IRONLEASE_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"

launch() {
    local module="$1" jar_name="$2" main_class=""
    shift 2
    if [ "${1:-}" != "--" ]; then main_class="$1"; shift; fi
    shift # the "--"
    local jar="$IRONLEASE_ROOT/$module/target/$jar_name.jar"
    if [ ! -f "$jar" ]; then
        echo "$jar_name: $jar is not built yet; run: (cd '$IRONLEASE_ROOT' && mvn -B -q package -DskipTests)" >&2
        exit 127
    fi
    # the command as the user runs it (ironlease-backup --print-cron writes it into the crontab line)
    IRONLEASE_LAUNCHER="$(readlink -f "$0")"
    export IRONLEASE_LAUNCHER
    if [ -n "$main_class" ]; then
        # shellcheck disable=SC2086 # IRONLEASE_JAVA_OPTS is a list of JVM flags
        exec java ${IRONLEASE_JAVA_OPTS:-} -cp "$jar" "$main_class" "$@"
    fi
    # shellcheck disable=SC2086
    exec java ${IRONLEASE_JAVA_OPTS:-} -jar "$jar" "$@"
}
