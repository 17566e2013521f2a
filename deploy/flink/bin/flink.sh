#!/usr/bin/env bash
# Apache Flink 2.2.1 from Maven Central jars, for machines without a Flink distribution (flink-dist is not on
# Maven Central). `mvn -B -DskipTests package` puts the jars in deploy/target/flink/lib. In the foreground, it does
# what the distribution's bin/jobmanager.sh, bin/taskmanager.sh and bin/flink do:
#
#   flink.sh jobmanager     a standalone session JobManager (REST API and web UI on rest.port)
#   flink.sh taskmanager    a TaskManager; it registers with jobmanager.rpc.address
#   flink.sh run|stop|cancel|list|savepoint …   Flink's command line (CliFrontend), e.g.
#                           flink.sh run -d -c vn.iocstream.jobs.MediaJob flink-jobs/target/ioc-flink-jobs-0.1.0-SNAPSHOT-flink.jar config/ioc.yaml
#
# FLINK_CONF_DIR (default deploy/flink/conf) holds config.yaml and logback.xml. Memory is computed from
# jobmanager.memory.process.size / taskmanager.memory.process.size by Flink's own BashJavaUtils, as the
# distribution's scripts do. Logs go to FLINK_LOG_DIR (default data/flink/log).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="${FLINK_LIB_DIR:-$HERE/../target/flink/lib}"
export FLINK_CONF_DIR="${FLINK_CONF_DIR:-$HERE/conf}"
LOG_DIR="${FLINK_LOG_DIR:-data/flink/log}"

die() { echo "flink.sh: $*" >&2; exit 1; }
[ -d "$LIB" ] || die "$LIB is missing; build it from the project root with: mvn -B -DskipTests package"
[ -f "$FLINK_CONF_DIR/config.yaml" ] || die "no config.yaml in $FLINK_CONF_DIR"
[ $# -ge 1 ] || die "usage: flink.sh jobmanager | taskmanager | run|stop|cancel|list|savepoint …"

# Flink's serializers reflect into JDK internals that Java 17 closes (the distribution's env.java.opts.all does the same).
OPENS=()
for p in java.lang java.util java.lang.reflect java.io java.nio sun.nio.ch java.net java.text java.time \
         java.util.concurrent java.util.concurrent.atomic java.lang.invoke; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

# Two lines from Flink's BashJavaUtils: the JVM's memory options, then the -D settings of every memory component.
resource_params() {
  local out
  out=$(java -cp "$LIB/*" -Dlogback.configurationFile="$FLINK_CONF_DIR/logback-console.xml" \
        org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$FLINK_CONF_DIR" 2>&1) || die "memory settings: $out"
  grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

daemon() { # $1 = role (jobmanager|taskmanager), $2 = BashJavaUtils command, $3 = main class
  mkdir -p "$LOG_DIR"
  local params jvm dynamic
  params=$(resource_params "$2")
  jvm=$(sed -n 1p <<<"$params")
  dynamic=$(sed -n 2p <<<"$params")
  # shellcheck disable=SC2086
  exec java $jvm "${OPENS[@]}" ${FLINK_JAVA_OPTS:-} \
    -Dlog.file="$LOG_DIR/flink-$1-$(hostname).log" -Dlogback.configurationFile="$FLINK_CONF_DIR/logback.xml" \
    -cp "$LIB/*" "$3" --configDir "$FLINK_CONF_DIR" $dynamic
}

case "$1" in
  jobmanager) daemon jobmanager GET_JM_RESOURCE_PARAMS org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint ;;
  taskmanager) daemon taskmanager GET_TM_RESOURCE_PARAMS org.apache.flink.runtime.taskexecutor.TaskManagerRunner ;;
  *) exec java "${OPENS[@]}" -Dlogback.configurationFile="$FLINK_CONF_DIR/logback-console.xml" \
       -cp "$LIB/*" org.apache.flink.client.cli.CliFrontend "$@" ;;
esac
