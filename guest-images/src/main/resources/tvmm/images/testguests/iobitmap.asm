; Ring 3 in 32-bit protected mode: IRET to ring 3, the TSS I/O permission bitmap with
; IOPL = 0 (byte and word accesses, allowed and denied ports), CLI/STI under IOPL,
; interrupt-gate entry with the stack switch to ESP0/SS0, and IOPL = 3 overriding the bitmap.
%include "lib/boot.inc"

test_main:
    PRINT "iobitmap: protected mode", 10
    and byte [gdt_tss32 + 5], ~2
    mov ax, TSS32
    ltr ax
    or byte [iomap + 0x80 / 8], 1 << (0x80 % 8)      ; deny port 0x80
    or byte [iomap + 0xea / 8], 1 << (0xea % 8)      ; deny port 0xEA (0xE9 stays allowed)
    mov dword [hooks32 + 0x81 * 4], int81_hook
    mov [kernel_esp], esp
    push UDATA | 3
    push ustack_top
    push 0x0002                    ; IOPL = 0
    push UCODE32 | 3
    push user_iopl0
    iret

user_iopl0:
    mov ax, UDATA | 3
    mov ds, ax
    mov es, ax
    PRINT "iobitmap: ring 3 writes an allowed port", 10
    EXPECT_FAULT .in80
    in al, 0x80
.in80:
    EXPECT [last_vector], 13, "denied port is #GP"
    EXPECT [last_error], 0, "#GP(0)"
    EXPECT_FAULT .word
    mov dx, 0xe9
    out dx, ax                     ; covers 0xE9 and the denied 0xEA
.word:
    EXPECT [last_vector], 13, "word access over a denied port"
    EXPECT_FAULT .cli
    cli
.cli:
    EXPECT [last_vector], 13, "CLI with CPL > IOPL"
    mov dword [last_vector], -1
    mov dword [user_esp_before], esp
    int 0x81                       ; to ring 0 through a DPL-3 interrupt gate

ring0_again:
    mov ax, KDATA
    mov ds, ax
    mov es, ax
    EXPECT [int81_cs], UCODE32 | 3, "INT frame CS"
    EXPECT [int81_ss], UDATA | 3, "INT frame SS"
    mov eax, [user_esp_before]
    EXPECT [int81_esp], eax, "INT frame ESP"
    EXPECT [int81_on_esp0], 1, "handler ran on the ESP0 stack"
    ; Ring 3 again with IOPL = 3: the bitmap no longer matters.
    mov esp, [kernel_esp]
    push UDATA | 3
    push ustack_top
    push 0x3002
    push UCODE32 | 3
    push user_iopl3
    iret

user_iopl3:
    ; The IRET from ring 0 nulled DS and ES (they held ring-0 selectors): reload them.
    mov ax, UDATA | 3
    mov ds, ax
    mov es, ax
    in al, 0x80
    cli
    sti
    cli
    PRINT "iobitmap: IOPL 3 overrides the bitmap", 10
    mov dword [done_iopl3], 1
    int 0x81

int81_hook:
    mov eax, [ebp + 12]
    mov [int81_cs], eax
    mov eax, [ebp + 20]
    mov [int81_esp], eax
    mov eax, [ebp + 24]
    mov [int81_ss], eax
    mov dword [int81_on_esp0], 0
    cmp ebp, stack0
    jb .off
    cmp ebp, stack0_top
    jae .off
    mov dword [int81_on_esp0], 1
.off:
    cmp dword [done_iopl3], 0
    jne finish
    ; Return to ring 0 at ring0_again: an IRET to the same privilege pops EIP, CS, EFLAGS.
    mov dword [ebp + 8], ring0_again
    mov dword [ebp + 12], KCODE32
    mov dword [ebp + 16], 2
    ret

finish:
    mov esp, [kernel_esp]
    mov ax, KDATA
    mov ds, ax
    PASS

kernel_esp:      dd 0
user_esp_before: dd 0
int81_cs:        dd 0
int81_ss:        dd 0
int81_esp:       dd 0
int81_on_esp0:   dd 0
done_iopl3:      dd 0
%include "lib/end.inc"
