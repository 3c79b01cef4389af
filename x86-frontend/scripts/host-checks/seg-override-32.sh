#!/bin/sh
# Host oracle, compatibility mode: the last segment override wins outside 64-bit mode.
# A 32-bit static program without libc (FS and GS are null): a read through FS/GS faults,
# a read through DS/ES succeeds. Needs gcc with -m32 code generation (no multilib libraries).
set -u
dir=$(mktemp -d)
for v in "0x64,0x3e" "0x3e,0x64" "0x65,0x26" "0x26,0x65"; do
    cat > "$dir/s.c" <<EOF
static unsigned char buf[4] = {7, 0, 0, 0};
void _start(void) {
    unsigned int r;
    __asm__ volatile("mov %1,%%ebx\n xor %%eax,%%eax\n .byte $v,0x8a,0x03\n mov %%eax,%0" : "=r"(r) : "r"(buf) : "eax", "ebx", "memory");
    __asm__ volatile("mov \$1,%%eax\n int \$0x80" :: "b"(40 + r));
}
EOF
    gcc -m32 -O1 -nostdlib -static -fno-pie -no-pie -o "$dir/s" "$dir/s.c" || exit 1
    "$dir/s" 2>/dev/null; rc=$?
    case $rc in 47) what="read through DS/ES";; 139) what="fault: null FS/GS used";; *) what="exit $rc";; esac
    echo "$v 8a 03 (32-bit): $what"
done
rm -rf "$dir"
