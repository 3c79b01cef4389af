#!/usr/bin/env bash
# Builds a second, independent initramfs from the same Debian busybox-static package with
# GNU tools only (dpkg-deb, ln, mknod, GNU cpio, gzip): none of tvmm's Java
# code is involved. Its /init prints the marker line and powers off at once. Use it to
# check that `tvmm run -kernel K -initrd I` boots an image built elsewhere (issue 06),
# and that QEMU boots it the same way:
#   guest-images/scripts/reference-initramfs.sh [OUT]      (default: CACHE/reference/initramfs.cpio.gz)
#   ./tvmm run -kernel CACHE/default-guest/*/vmlinuz -initrd OUT -append "console=ttyS0 panic=-1" -no-reboot
# Needs root (mknod), apt-get, dpkg-deb, cpio, gzip.
set -euo pipefail
die() { echo "reference-initramfs: $*" >&2; exit 1; }
for tool in apt-get dpkg-deb cpio gzip; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y cpio for cpio)"
done
[[ $(id -u) == 0 ]] || die "needs root for mknod /dev/console"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/tvmm"
out="${1:-$cache/reference/initramfs.cpio.gz}"
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The same package the default guest uses; apt-get download checks it against apt's index.
(cd "$work" && apt-get download -q busybox-static >/dev/null 2>&1) || die "apt-get download busybox-static failed"
root="$work/root"
mkdir -p "$root"
dpkg-deb -x "$work"/busybox-static_*.deb "$root"
mkdir -p "$root"/{dev,proc,sys,sbin,usr/bin,usr/sbin}
# One symlink per applet, pointing at /bin/busybox as seen inside the guest. (busybox
# --install -s DIR would point them at this host's path.)
for applet in $("$root/bin/busybox" --list-full); do
    [[ "$applet" == bin/busybox || "$applet" == linuxrc ]] && continue
    mkdir -p "$root/$(dirname "$applet")"
    ln -sf /bin/busybox "$root/$applet"
done
mknod -m 600 "$root/dev/console" c 5 1
mknod -m 660 "$root/dev/ttyS0" c 4 64
rm -f "$root/init"
cat > "$root/init" <<'INIT'
#!/bin/busybox sh
# Reference init: proves the kernel reached user space, then powers off.
/bin/busybox mount -t proc proc /proc
read -r up _ < /proc/uptime
echo "tvmm-guest: ready (uptime $up s)"
echo "reference-initramfs: $(/bin/busybox uname -a)"
/bin/busybox poweroff -f
INIT
chmod 755 "$root/init"
(cd "$root" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet -R 0:0) | gzip -9 > "$out"
echo "$out"
