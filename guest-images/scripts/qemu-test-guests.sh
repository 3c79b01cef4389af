#!/usr/bin/env bash
# Assembles the assembly test guests (nasm) and runs each under QEMU TCG, the check that
# the guests themselves are right. Prints one line per guest and ends with
#   qemu-test-guests: guests=N failed=M
#   guest-images/scripts/qemu-test-guests.sh [--verbose]
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
MIN_JDK=25
die() { echo "qemu-test-guests: $*" >&2; exit 1; }

command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is missing: apt-get install -y qemu-system-x86"
command -v nasm >/dev/null || die "nasm is missing: apt-get install -y nasm"

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

mkdir -p "$ROOT/guest-images/target"
(cd "$ROOT" && mvn -o -q -B -pl guest-images compile >"$ROOT/guest-images/target/qemu-test-guests-build.log" 2>&1) \
    || die "building guest-images failed: see guest-images/target/qemu-test-guests-build.log"
exec "$JAVA_HOME/bin/java" -cp "$ROOT/guest-images/target/classes" tvmm.images.testguests.QemuTestGuests "$@"
