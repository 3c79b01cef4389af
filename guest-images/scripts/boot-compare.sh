#!/usr/bin/env bash
# Boots the default guest (or --kernel K --initrd I) in QEMU TCG and in tvmm, with the same
# command line and the same interaction (marker, uname -a, ^C, dmesg, poweroff), and
# prints both boot times side by side plus the dmesg warnings only tvmm's guest prints.
#   guest-images/scripts/boot-compare.sh [--runs N] [--timeout S] [--verbose]
#   guest-images/scripts/boot-compare.sh --bench shloop --runs 3     (benchmarks side by side)
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
exec "$ROOT/guest-images/scripts/qemu-boot.sh" --tvmm "$ROOT/tvmm" --compare "$@"
