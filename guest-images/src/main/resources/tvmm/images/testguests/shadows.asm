; Interrupt shadows (SDM vol. 3 §6.8.3, vol. 2 STI and MOV): after MOV SS / POP SS a
; single-step trap is held back for one instruction; after STI a pending interrupt waits
; for the next instruction; after POPF that sets IF it does not. The interrupt comes from
; the local APIC (a fixed self-IPI while IF = 0); without an APIC that half is skipped.
%include "lib/boot.inc"

APIC     equ 0xfee00000
APIC_VER equ 0x30
APIC_TPR equ 0x80
APIC_EOI equ 0xb0
APIC_SVR equ 0xf0
APIC_ICR equ 0x300
VEC      equ 0x40

test_main:
    PRINT "shadows: MOV SS / POP SS single-step shadow", 10
    mov dword [hooks32 + 1 * 4], db_hook
    mov ax, ss
    pushfd
    or dword [esp], 0x100          ; TF: a trap after each instruction from the next one on
    popfd
.a: nop
.b: mov ss, ax                     ; no trap after this one...
.c: nop                            ; ...the trap after this one reports .d
.d: push ss
.e: pop ss
.f: nop
.g: nop
.h: pushfd
    and dword [esp], ~0x100
    popfd
    EXPECT [trace + 0], .b, "trap after the NOP before MOV SS"
    EXPECT [trace + 4], .d, "MOV SS held the trap back for one instruction"
    EXPECT [trace + 8], .e, "trap after PUSH SS"
    EXPECT [trace + 12], .g, "POP SS held the trap back too"
    EXPECT [trace + 16], .h, "trap after the next instruction"

    ; A local APIC answers its version register (version 0x1x, at least 4 LVT entries); a
    ; machine without one (tvmm's minimal test machine) reads 0 or all ones there.
    mov eax, 1
    cpuid
    bt edx, 9
    jnc .no_apic
    mov eax, [APIC + APIC_VER]
    cmp eax, 0
    je .no_apic
    cmp eax, -1
    jne .apic
.no_apic:
    PRINT "note: no local APIC, STI shadow not tested", 10
    PASS
.apic:
    PRINT "shadows: STI shadow with a self-IPI", 10
    mov dword [hooks32 + VEC * 4], irq_hook
    mov dword [APIC + APIC_SVR], 0x1ff       ; software enable, spurious vector 0xFF
    mov dword [APIC + APIC_TPR], 0
    call self_ipi
    sti
    mov dword [after_sti], 1                  ; runs before the interrupt
.sti_next:
    nop
    cli
    EXPECT [irq_count], 1, "one interrupt after STI"
    EXPECT [irq_eip], .sti_next, "interrupt taken after the instruction following STI"
    EXPECT [irq_saw_after], 1, "the shadowed instruction had completed"
    ; POPF setting IF opens the window at once.
    call self_ipi
    push 0x202
    popfd
.popf_next:
    nop
    cli
    EXPECT [irq_count], 2, "one interrupt after POPF"
    EXPECT [irq_eip], .popf_next, "no shadow after POPF"
    PASS

self_ipi:
    mov dword [APIC + APIC_ICR + 0x10], 0
    mov dword [APIC + APIC_ICR], 0x40000 | VEC   ; fixed, self
.wait:
    test dword [APIC + APIC_ICR], 1 << 12         ; delivery status
    jnz .wait
    ret

db_hook:
    mov eax, [trace_n]
    cmp eax, 8
    jae .full
    mov ecx, [ebp + 8]
    mov [trace + eax * 4], ecx
    inc dword [trace_n]
.full:
    ret

irq_hook:
    mov eax, [ebp + 8]
    mov [irq_eip], eax
    mov eax, [after_sti]
    mov [irq_saw_after], eax
    inc dword [irq_count]
    mov dword [APIC + APIC_EOI], 0
    ret

trace:         times 8 dd 0
trace_n:       dd 0
after_sti:     dd 0
irq_eip:       dd 0
irq_saw_after: dd 0
irq_count:     dd 0
%include "lib/end.inc"
