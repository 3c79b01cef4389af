; Exception delivery with the right vectors, error codes, saved EIP/RIP and CR2:
; #DE, #BP, #UD, #GP (selector and zero error codes, limit violations), #NP, #SS,
; #DF from a fault while delivering a fault, in protected mode; then #UD, #GP, #PF and a
; #DF delivered on an IST stack in long mode.
%include "lib/boot.inc"
%include "lib/long.inc"

%macro SCRATCH_DESC 2           ; low dword, high dword of the scratch descriptor
    mov dword [gdt_scratch], %1
    mov dword [gdt_scratch + 4], %2
%endmacro

test_main:
    PRINT "faults: protected mode", 10
    EXPECT_FAULT .de
    xor edx, edx
    mov eax, 1
    xor ecx, ecx
.div:
    div ecx
.de:
    EXPECT [last_vector], 0, "#DE vector"
    EXPECT [last_eip], .div, "#DE is a fault: EIP of the DIV"

    EXPECT_FAULT .bp_resume
    int3
.bp_after:
    nop
.bp_resume:
    EXPECT [last_vector], 3, "#BP vector"
    EXPECT [last_eip], .bp_after, "#BP is a trap: EIP after INT3"

    EXPECT_FAULT .ud
.ud2:
    ud2
.ud:
    EXPECT [last_vector], 6, "#UD vector"
    EXPECT [last_eip], .ud2, "#UD EIP"

    ; Selector beyond the GDT limit.
    EXPECT_FAULT .gp1
    mov ax, 0x78
    mov ds, ax
.gp1:
    EXPECT [last_vector], 13, "#GP vector"
    EXPECT [last_error], 0x78, "#GP error = selector beyond GDT limit"
    ; Code segment into SS.
    EXPECT_FAULT .gp2
    mov ax, KCODE32
    mov ss, ax
.gp2:
    EXPECT [last_error], KCODE32, "#GP error = code selector loaded into SS"
    ; Null selector into SS.
    EXPECT_FAULT .gp3
    xor eax, eax
    mov ss, ax
.gp3:
    EXPECT [last_error], 0, "#GP(0) for a null SS"
    ; Not-present data segment: #NP into DS, #SS into SS.
    SCRATCH_DESC 0x0000ffff, 0x00cf1300
    EXPECT_FAULT .np
    mov ax, SCRATCH
    mov ds, ax
.np:
    EXPECT [last_vector], 11, "#NP vector"
    EXPECT [last_error], SCRATCH, "#NP error"
    EXPECT_FAULT .ss
    mov ax, SCRATCH
    mov ss, ax
.ss:
    EXPECT [last_vector], 12, "#SS vector"
    EXPECT [last_error], SCRATCH, "#SS error"
    ; Limit violations: a 4 KiB data segment in ES, then as SS.
    SKIP_UNDER_TCG .limits_done, "segment limit violations"
    SCRATCH_DESC 0x00000fff, 0x00409300
    mov ax, SCRATCH
    mov es, ax
    mov eax, [es:0xffc]
    EXPECT_FAULT .lim
    mov eax, [es:0xffd]
.lim:
    EXPECT [last_vector], 13, "limit violation is #GP"
    EXPECT [last_error], 0, "#GP(0) for a limit violation"
    mov ax, KDATA
    mov es, ax
    mov [saved_esp], esp
    mov ax, SCRATCH
    mov ss, ax
    mov esp, 0x800
    EXPECT_FAULT .sslim
    mov eax, [ss:esp + 0x800]
.sslim:
    mov ax, KDATA
    mov ss, ax
    mov esp, [saved_esp]
    EXPECT [last_vector], 12, "stack limit violation is #SS"
    EXPECT [last_error], 0, "#SS(0)"
.limits_done:
    ; #DF: #NP's own gate is not present, so delivering #NP raises #NP again.
    and byte [idt32 + 11 * 8 + 5], 0x7f
    EXPECT_FAULT .df
    mov ax, SCRATCH
    SCRATCH_DESC 0x0000ffff, 0x00cf1300
    mov ds, ax
.df:
    or byte [idt32 + 11 * 8 + 5], 0x80
    mov ax, KDATA
    mov ds, ax
    EXPECT [last_vector], 8, "#DF vector"
    EXPECT [last_error], 0, "#DF error code is 0"

    mov eax, long_faults
    jmp enter_long
bits 64
long_faults:
    PRINT "faults: long mode", 10
    EXPECT_FAULT .ud
.ud2:
    ud2
.ud:
    EXPECT qword [last_vector], 6, "#UD in 64-bit mode"
    EXPECT qword [last_rip], .ud2, "#UD RIP"
    EXPECT_FAULT .gp
    mov ax, 0x7b
    mov ds, ax
.gp:
    EXPECT qword [last_error], 0x78, "#GP error in 64-bit mode (RPL dropped)"
    ; #PF write to a read-only page.
    mov rax, [pt0 + 0x1f2 * 8]
    and rax, ~PTE_RW
    mov [pt0 + 0x1f2 * 8], rax
    invlpg [0x1f2000]
    EXPECT_FAULT .pf
    mov byte [0x1f2345], 1
.pf:
    EXPECT qword [last_vector], 14, "#PF vector"
    EXPECT qword [last_error], 3, "#PF error P|W"
    EXPECT qword [last_cr2], 0x1f2345, "CR2"
    ; #DF on IST1: the #PF gate is not present → #NP while delivering #PF → #DF.
    mov byte [idt64 + 8 * 16 + 4], 1          ; IST1 for #DF
    mov qword [hooks64 + 8 * 8], df_hook
    and byte [idt64 + 14 * 16 + 5], 0x7f
    EXPECT_FAULT .df
    mov byte [0x1f2345], 2
.df:
    or byte [idt64 + 14 * 16 + 5], 0x80
    EXPECT qword [last_vector], 8, "#DF in long mode"
    EXPECT qword [last_error], 0, "#DF error code"
    EXPECT qword [last_cr2], 0x1f2345, "CR2 written before the #DF"
    EXPECT qword [df_frame], ist1_top - 7 * 8, "#DF frame on the IST1 stack"
    PASS

; Hook for #DF: records where the frame is (RBP = frame start) and resumes like the default.
df_hook:
    mov [df_frame], rbp
    mov rax, [resume_rip]
    mov [rbp + 16], rax
    mov qword [resume_rip], 0
    ret
bits 32

saved_esp: dd 0
df_frame:  dq 0
%include "lib/end.inc"
