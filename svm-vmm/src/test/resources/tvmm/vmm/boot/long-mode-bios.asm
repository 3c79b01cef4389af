; A 64 KiB stand-in for the PC BIOS, used only by LinuxLoaderQemuTest: QEMU's CPU starts
; at the reset vector in real mode; this code puts it into exactly the state that
; tvmm's LinuxLoader describes (InitialCpuState: GDT, CR3, CR4, EFER, CR0, RSI, RSP) and
; jumps to the kernel's 64-bit entry. Memory (kernel, initrd, boot_params, page tables,
; GDT, command line) is loaded by QEMU's generic loader from what LinuxLoader wrote.
; Values come from nasm -D: GDT_BASE GDT_LIMIT CR3 CR4 EFER CR0 RSI RSP ENTRY CS DS
bits 16
org 0

start:
    cli
    o32 lgdt [cs:gdtr]          ; 66 prefix: a 32-bit GDT base
    mov eax, CR4
    mov cr4, eax
    mov eax, CR3
    mov cr3, eax
    mov ecx, 0xC0000080         ; IA32_EFER
    mov eax, EFER & 0xFFFFFBFF  ; LME; LMA (bit 10) is set by the CPU when paging turns on
    xor edx, edx
    wrmsr
    mov eax, CR0                ; PE and PG together: real mode straight to long mode
    mov cr0, eax
    mov ax, DS
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov esi, RSI
    mov esp, RSP
    jmp dword CS:ENTRY          ; loads the 64-bit CS from our GDT

gdtr:
    dw GDT_LIMIT
    dd GDT_BASE

    times 0xFFF0 - ($ - $$) db 0
reset:                          ; 0xFFFFFFF0: CS base 0xFFFF0000, IP 0xFFF0
    jmp 0xF000:start
    times 0x10000 - ($ - $$) db 0
