#!/usr/bin/env bash
# Prepares the cloud kernel's decompressed image (vmlinux, an ELF with the kernel text) for
# the optional kernel agreement test: ~/.cache/tvmm/decoder/vmlinux. Needs apt-get
# (download only, no install), dpkg-deb and lz4 (Debian's cloud bzImage is LZ4-compressed).
set -euo pipefail
CACHE="${HOME}/.cache/tvmm/decoder"
mkdir -p "$CACHE"
cd "$CACHE"
deb=$(ls linux-image-*-cloud-amd64_*.deb 2>/dev/null | head -1 || true)
if [[ -z "$deb" ]]; then
    apt-get download "$(apt-cache depends linux-image-cloud-amd64 | sed -n 's/.*Depends: \(linux-image-[0-9].*\)/\1/p' | head -1)"
    deb=$(ls linux-image-*-cloud-amd64_*.deb | head -1)
fi
dpkg-deb --fsys-tarfile "$deb" | tar -x --wildcards './boot/vmlinuz-*'
vmlinuz=$(ls boot/vmlinuz-* | head -1)
# The compressed payload starts at the LZ4 legacy-frame magic 02 21 4C 18.
offset=$(grep -obUaP '\x02\x21\x4c\x18' "$vmlinuz" | head -1 | cut -d: -f1)
tail -c +"$((offset + 1))" "$vmlinuz" | lz4 -dc > vmlinux 2>/dev/null || true
head -c 4 vmlinux | grep -q ELF || { echo "decompression failed" >&2; exit 1; }
echo "$CACHE/vmlinux"
