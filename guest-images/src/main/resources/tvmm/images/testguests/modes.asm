; Mode transitions as boot loaders and Linux's trampolines do them:
; 32-bit protected → 16-bit protected → real mode (IVT interrupt, 32-bit operands,
; unreal-mode FS) → protected → long mode (64-bit) → compatibility mode → 64-bit →
; protected mode with paging off → real mode → protected mode.
%include "lib/boot.inc"
%include "lib/long.inc"

TRAMP equ 0x8000
%define RM(x) ((x) - tramp_start + TRAMP)

test_main:
    PRINT "modes: 32-bit protected mode", 10
    ; Copy the real-mode trampoline below 1 MiB.
    mov esi, tramp_start
    mov edi, TRAMP
    mov ecx, tramp_end - tramp_start
    rep movsb
    mov dword [rm_round], 1
    call to_real_and_back
    EXPECT [rm_result], 0x600d, "real-mode checks (1st round)"

    mov eax, in_long
    jmp enter_long
bits 64
in_long:
    PRINT "modes: 64-bit mode", 10
    mov rax, 0x123456789abcdef0
    mov rbx, rax
    shr rbx, 32
    EXPECT rbx, 0x12345678, "64-bit register"
    ; Far return to 32-bit code: compatibility mode.
    push KCODE32
    push in_compat
    retfq
bits 32
in_compat:
    mov eax, cr0
    test eax, 0x80000000
    jnz .paging
    FAIL "paging off in compatibility mode"
.paging:
    mov ecx, 0xc0000080
    rdmsr
    EXPECT eax, 0xd01, "EFER = SCE|LME|LMA|NXE in compatibility mode"
    PRINT "modes: compatibility mode", 10
    jmp KCODE64:back_in_long
bits 64
back_in_long:
    PRINT "modes: back in 64-bit mode", 10
    mov ebx, after_long
    jmp leave_long
bits 32
after_long:
    mov ecx, 0xc0000080
    rdmsr
    EXPECT eax, 0x801, "EFER after leaving long mode (LMA clear)"
    PRINT "modes: protected mode again", 10
    mov dword [rm_round], 2
    call to_real_and_back
    EXPECT [rm_result], 0x600d, "real-mode checks (2nd round)"
    PRINT "modes: all transitions done", 10
    PASS

; Drops to real mode at TRAMP, runs the checks there, returns in 32-bit protected mode.
to_real_and_back:
    pushad
    mov [saved_esp], esp
    mov ax, KDATA                ; FS keeps a 4 GiB limit into real mode (unreal mode)
    mov fs, ax
    jmp CODE16:RM(tramp_start)

; ---- 16-bit code, runs at TRAMP (near jumps are relative, absolute refs go through RM()) ----
bits 16
tramp_start:
    mov ax, DATA16
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov eax, cr0
    and eax, ~1
    mov cr0, eax
    jmp 0:RM(.real)
.real:
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7000
    lidt [RM(rm_idtr)]
    mov si, RM(rm_hello)
.print:
    lodsb
    test al, al
    jz .printed
    out DEBUGCON, al
    jmp .print
.printed:
    mov word [RM(rm_status)], 0
    ; INT through the IVT: install vector 0x42.
    mov word [0x42 * 4], RM(rm_int42)
    mov word [0x42 * 4 + 2], 0
    pushf
    pop bx
    or bx, 0x200                ; IF = 1 before INT: the handler must see it cleared
    push bx
    popf
    int 0x42
    cli
    cmp word [RM(rm_int_seen)], 0x4242
    jne .bad
    ; 32-bit operand and address size in real mode.
    mov eax, 0x89abcdef
    rol eax, 8
    cmp eax, 0xabcdef89
    jne .bad
    ; Unreal mode: FS still has the 4 GiB limit from protected mode.
    mov ebx, 0x100000
    mov eax, [fs:ebx]
    cmp eax, 0x1BADB002
    jne .bad
    mov word [RM(rm_status)], 0x600d
.bad:
    ; Back to protected mode.
    cli
    o32 lgdt [RM(rm_gdtr)]
    mov eax, cr0
    or eax, 1
    mov cr0, eax
    jmp dword KCODE32:back_in_pm
rm_int42:
    pushf
    pop ax
    test ax, 0x200
    jnz .if_set
    mov word [RM(rm_int_seen)], 0x4242
.if_set:
    iret
rm_idtr:    dw 0x3ff
            dd 0
rm_gdtr:    dw gdt_end - gdt - 1
            dd gdt
rm_status:  dw 0
rm_int_seen: dw 0
rm_hello:   db "modes: real mode", 10, 0
tramp_end:

bits 32
back_in_pm:
    mov ax, KDATA
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    mov esp, [saved_esp]
    lidt [idt32_ptr]
    movzx eax, word [RM(rm_status)]
    mov [rm_result], eax
    mov word [RM(rm_int_seen)], 0
    popad
    ret

saved_esp: dd 0
rm_round:  dd 0
rm_result: dd 0
%include "lib/end.inc"
