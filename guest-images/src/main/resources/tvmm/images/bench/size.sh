# Sourced by the busybox workloads: sets quick=1 for the quick size. $1 is quick or
# full; without it (the guest's /init passes none) tvmm.quick on the kernel command line.
quick=
case "${1:-}" in
    quick) quick=1 ;;
    full) ;;
    *) grep -q 'tvmm\.quick' /proc/cmdline 2>/dev/null && quick=1 ;;
esac
