; A 64 KiB stand-in for the PC BIOS, used only by MultibootLoaderQemuTest: from the reset
; vector in real mode it puts QEMU's CPU into the state tvmm's MultibootLoader describes
; (Multiboot spec §3.2: 32-bit protected mode, flat segments from our GDT, paging off,
; EAX = magic, EBX = information structure) and jumps to the kernel's entry. Memory is
; loaded by QEMU's generic loader from what MultibootLoader wrote.
; Values come from nasm -D: GDT_BASE GDT_LIMIT CR0 EAX EBX RSP ENTRY CS DS
bits 16
org 0

start:
    cli
    o32 lgdt [cs:gdtr]
    mov eax, CR0
    mov cr0, eax
    jmp dword CS:(0xF0000 + pm32)   ; CS base 0 after the jump: the offset is linear

bits 32
pm32:
    mov ax, DS
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    mov esp, RSP
    mov eax, EAX
    mov ebx, EBX
    jmp dword CS:ENTRY

gdtr:
    dw GDT_LIMIT
    dd GDT_BASE

    times 0xFFF0 - ($ - $$) db 0
bits 16
reset:
    jmp 0xF000:start
    times 0x10000 - ($ - $$) db 0
