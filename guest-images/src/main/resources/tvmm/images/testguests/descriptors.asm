; Descriptor-table and segment instructions in 32-bit protected mode: SGDT/SIDT, LLDT/SLDT
; with an LDT, STR, LAR/LSL/VERR/VERW, LDS/LSS, PUSH/POP of segment registers, far JMP and
; far CALL/RETF through a call gate from ring 3 to ring 0 with parameter copying,
; SYSENTER/SYSEXIT, SMSW/LMSW, MOV to/from DR, RDMSR/WRMSR round trips.
%include "lib/boot.inc"

LDT_SEL  equ SCRATCH                ; the scratch GDT slot holds the LDT descriptor
GATE_SEL equ 0x70                   ; call gate, written at run time into gdt_extra
MSR_PAT  equ 0x277
MSR_SYSENTER_CS  equ 0x174
MSR_SYSENTER_ESP equ 0x175
MSR_SYSENTER_EIP equ 0x176

test_main:
    PRINT "descriptors: tables", 10
    sgdt [saved_gdtr]
    movzx eax, word [saved_gdtr]
    EXPECT eax, gdt_end - gdt - 1, "SGDT limit"
    EXPECT [saved_gdtr + 2], gdt, "SGDT base"
    sidt [saved_idtr]
    movzx eax, word [saved_idtr]
    EXPECT eax, 256 * 8 - 1, "SIDT limit"
    ; A bigger GDT with room for a call gate at 0x70.
    mov esi, gdt
    mov edi, gdt2
    mov ecx, gdt_end - gdt
    rep movsb
    lgdt [gdt2_ptr]
    ; LDT with one data descriptor (base 0x12340000) at index 1 → selector 0x0f (TI, RPL 3).
    mov dword [ldt + 8], 0x0000ffff
    mov dword [ldt + 12], 0x12cff300 | 0x34       ; base 31:24 = 0x12, 23:16 = 0x34, DPL 3 RW data
    mov eax, ldt
    mov word [gdt2 + LDT_SEL], 15                 ; limit
    mov [gdt2 + LDT_SEL + 2], ax
    shr eax, 16
    mov [gdt2 + LDT_SEL + 4], al
    mov byte [gdt2 + LDT_SEL + 5], 0x82           ; P, LDT
    mov byte [gdt2 + LDT_SEL + 6], 0
    mov [gdt2 + LDT_SEL + 7], ah
    mov ax, LDT_SEL
    lldt ax
    xor ebx, ebx
    sldt bx                                       ; 16-bit form: the rest of EBX stays
    EXPECT ebx, LDT_SEL, "SLDT"
    mov ax, 0x0f
    lar ecx, eax
    jz .lar_ok
    FAIL "LAR of an LDT data segment"
.lar_ok:
    and ecx, 0x00f0ff00
    EXPECT ecx, 0x00c0f300, "LAR access rights"
    lsl ecx, eax
    EXPECT ecx, 0xffffffff, "LSL with G = 1"
    verw ax
    jz .verw_ok
    FAIL "VERW of a writable data segment"
.verw_ok:
    mov ax, KCODE32
    verw ax
    jnz .verw_code
    FAIL "VERW of a code segment"
.verw_code:
    verr ax
    jz .verr_ok
    FAIL "VERR of a readable code segment"
.verr_ok:
    mov ax, 0x7f8                                  ; beyond the GDT limit
    lar ecx, eax
    jnz .lar_bad
    FAIL "LAR beyond the limit"
.lar_bad:
    mov ax, 0x0f
    mov fs, ax
    mov eax, fs
    EXPECT eax, 0x0f, "MOV from FS"
    ; TR.
    and byte [gdt2 + TSS32 + 5], ~2
    mov ax, TSS32
    ltr ax
    str ecx
    EXPECT ecx, TSS32, "STR"
    EXPECT_FAULT .busy
    ltr ax
.busy:
    EXPECT [last_error], TSS32, "LTR of a busy TSS is #GP(selector)"

    PRINT "descriptors: segment loads", 10
    mov dword [far_ptr], 0x11223344
    mov word [far_ptr + 4], KDATA
    lds ebx, [far_ptr]
    EXPECT ebx, 0x11223344, "LDS offset"
    mov eax, ds
    EXPECT eax, KDATA, "LDS selector"
    mov [saved_esp], esp
    mov dword [far_ptr], stack_top - 64
    lss esp, [far_ptr]
    mov ecx, esp
    mov esp, [saved_esp]
    EXPECT ecx, stack_top - 64, "LSS"
    push fs
    pop gs
    mov eax, gs
    EXPECT eax, 0x0f, "PUSH FS / POP GS"
    EXPECT_FAULT .popcs
    push KCODE32 | 3
    pop ss                                         ; RPL 3 != CPL 0
.popcs:
    add esp, 4
    EXPECT [last_error], KCODE32, "POP SS of a code selector"

    PRINT "descriptors: control and debug registers, MSRs", 10
    smsw eax
    and eax, 1
    EXPECT eax, 1, "SMSW shows PE"
    mov eax, 0x12345678
    mov dr0, eax
    mov ebx, dr0
    EXPECT ebx, 0x12345678, "DR0 round trip"
    mov ecx, MSR_PAT
    rdmsr
    EXPECT eax, 0x00070406, "PAT power-on value (low)"
    mov eax, 0x00070106
    wrmsr
    xor eax, eax
    rdmsr
    EXPECT eax, 0x00070106, "PAT round trip"
    SKIP_UNDER_TCG .pat_done, "#GP for invalid PAT memory types"
    EXPECT_FAULT .badpat
    mov eax, 0x02
    wrmsr
.badpat:
    EXPECT [last_vector], 13, "PAT entry 2 is invalid"
.pat_done:

    PRINT "descriptors: far transfers and call gates", 10
    jmp KCODE32:.after_far
    FAIL "far JMP did not jump"
.after_far:
    call KCODE32:far_func
    EXPECT eax, 0xf00d, "far CALL / RETF"
    ; Call gate at 0x70: DPL 3, to ring-0 gate_target, two dword parameters.
    mov eax, gate_target
    mov [gdt2 + GATE_SEL], ax
    mov word [gdt2 + GATE_SEL + 2], KCODE32
    mov byte [gdt2 + GATE_SEL + 4], 2
    mov byte [gdt2 + GATE_SEL + 5], 0xec
    shr eax, 16
    mov [gdt2 + GATE_SEL + 6], ax
    ; SYSENTER enters KCODE32/KDATA; SYSEXIT leaves to CS = KCODE32 + 16, SS = KCODE32 + 24
    ; (flat ring-3 caches, whatever the GDT holds there).
    mov ecx, MSR_SYSENTER_CS
    mov eax, KCODE32
    xor edx, edx
    wrmsr
    mov ecx, MSR_SYSENTER_ESP
    mov eax, stack0_top
    wrmsr
    mov ecx, MSR_SYSENTER_EIP
    mov eax, sysenter_entry
    wrmsr
    mov [kernel_esp], esp
    push UDATA | 3
    push ustack_top
    push 0x3002
    push UCODE32 | 3
    push user_code
    iret

user_code:
    mov ax, UDATA | 3
    mov ds, ax
    mov es, ax
    push 0xbbbb                    ; parameter 1
    push 0xaaaa                    ; parameter 2
    call GATE_SEL | 3:0            ; the offset is ignored: the gate gives it
    EXPECT eax, 0xaaaa + 0xbbbb, "call gate result"
    mov ecx, esp                   ; (EXPECT pushes a register itself)
    EXPECT ecx, ustack_top, "RETF 8 released the parameters"
    mov eax, cs
    EXPECT eax, UCODE32 | 3, "back in ring 3"
    ; SYSENTER to ring 0, SYSEXIT back.
    mov ecx, esp
    mov edx, .after_sysexit
    sysenter
.after_sysexit:
    EXPECT [sysenter_cs], KCODE32, "SYSENTER CS"
    mov eax, cs
    EXPECT eax, KCODE32 + 16 | 3, "SYSEXIT CS"
    mov eax, ss
    EXPECT eax, KCODE32 + 24 | 3, "SYSEXIT SS"
    PASS

gate_target:
    ; Ring 0 on the ESP0 stack: [esp] EIP, CS, param2, param1, ESP, SS.
    mov eax, cs
    cmp eax, KCODE32
    jne .bad
    mov eax, [esp + 8]
    add eax, [esp + 12]
    mov ecx, [esp + 20]
    cmp ecx, UDATA | 3
    jne .bad
    retf 8
.bad:
    FAIL "call gate frame"

far_func:
    mov eax, 0xf00d
    retf

sysenter_entry:
    mov eax, cs
    mov [sysenter_cs], eax
    sysexit

saved_gdtr: times 6 db 0
saved_idtr: times 6 db 0
far_ptr:    times 6 db 0
saved_esp:  dd 0
kernel_esp: dd 0
sysenter_cs: dd 0
gdt2_ptr:
    dw 0x7f
    dd gdt2

section .bss
alignb 16
gdt2: resb 128
ldt:  resb 16
section .text

%include "lib/end.inc"
