#!/usr/bin/env bash
# Boots tvmm's default guest (or, with --kernel/--initrd, any kernel and initramfs)
# in QEMU TCG, the reference peer, and reports the wall time to the init's marker line.
# Also saves the guest's dmesg next to the image (the "no warnings QEMU doesn't print"
# reference). QEMU is only the yardstick: tvmm itself never needs it.
#   guest-images/scripts/qemu-boot.sh [--runs N] [--verbose] [--kernel K --initrd I] [--append A]
#   guest-images/scripts/qemu-boot.sh --bench shloop   (runs /bench/shloop instead of the shell)
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
MIN_JDK=25
die() { echo "qemu-boot: $*" >&2; exit 1; }

command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is missing: apt-get install -y qemu-system-x86"

jdk_version() {
    [[ -x "$1/bin/java" && -f "$1/release" ]] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
java_home=""
if [[ -n "${JAVA_HOME:-}" ]] && (( $(jdk_version "$JAVA_HOME" || echo 0) >= MIN_JDK )); then
    java_home="$JAVA_HOME"
else
    best_v=0
    for home in /usr/lib/jvm/*; do
        [[ -d "$home" && ! -L "$home" ]] || continue
        v="$(jdk_version "$home")"
        [[ -n "$v" ]] || continue
        if (( v >= MIN_JDK && v > best_v )); then java_home="$home"; best_v=$v; fi
    done
fi
[[ -n "$java_home" ]] || die "no JDK ${MIN_JDK} or newer found (JAVA_HOME or /usr/lib/jvm)"
export JAVA_HOME="$java_home"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# Compile guest-images alone (offline) and take its runtime class path from Maven.
cp_file="$ROOT/guest-images/target/runtime.classpath"
(cd "$ROOT" && mvn -o -q -B -pl guest-images compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp_file" >"$ROOT/guest-images/target/qemu-boot-build.log" 2>&1) \
    || die "building guest-images failed: see guest-images/target/qemu-boot-build.log"

exec "$JAVA_HOME/bin/java" -cp "$ROOT/guest-images/target/classes:$(cat "$cp_file")" \
    tvmm.images.linux.BootCheckMain "$@"
