; Privilege transitions in long mode: IRETQ to ring 3, INT n through a DPL-3 interrupt
; gate with the stack switch to RSP0, SYSCALL/SYSRET, #GP for privileged instructions and
; DPL-0 gates at ring 3, #PF with the U/S bit for supervisor pages, return to ring 0.
%include "lib/boot.inc"
%include "lib/long.inc"

MSR_STAR  equ 0xc0000081
MSR_LSTAR equ 0xc0000082
MSR_FMASK equ 0xc0000084

test_main:
    mov eax, long_main
    jmp enter_long
bits 64
long_main:
    PRINT "rings: long mode, ring 0", 10
    mov ecx, MSR_STAR
    xor eax, eax
    mov edx, (UCODE32 << 16) | KCODE64
    wrmsr
    mov ecx, MSR_LSTAR
    mov eax, syscall_entry
    xor edx, edx
    wrmsr
    mov ecx, MSR_FMASK
    mov eax, 0x700                 ; clear TF, IF, DF on SYSCALL
    xor edx, edx
    wrmsr
    ; A supervisor-only page at 0x1f3000.
    mov rax, [pt0 + 0x1f3 * 8]
    and rax, ~PTE_US
    mov [pt0 + 0x1f3 * 8], rax
    invlpg [0x1f3000]
    mov qword [hooks64 + 0x80 * 8], int80_hook
    mov qword [hooks64 + 0x81 * 8], int81_hook
    mov [kernel_rsp], rsp
    ; IRETQ to ring 3 with IOPL = 3 so ring 3 may print.
    push UDATA | 3
    push ustack_top
    push 0x3002
    push UCODE64 | 3
    push user_main
    iretq

user_main:
    mov ax, cs
    and eax, 3
    EXPECT rax, 3, "CPL 3 after IRETQ"
    PRINT "rings: ring 3", 10
    mov rbx, rsp
    int 0x80
    EXPECT qword [int80_cs], UCODE64 | 3, "INT 0x80 frame CS"
    EXPECT qword [int80_ss], UDATA | 3, "INT 0x80 frame SS"
    EXPECT qword [int80_rsp], rbx, "INT 0x80 frame RSP"
    EXPECT qword [int80_on_rsp0], 1, "handler ran on the RSP0 stack"
    mov ax, cs
    and eax, 3
    EXPECT rax, 3, "back at CPL 3 after IRETQ"
    ; SYSCALL / SYSRET.
    pushfq
    pop r12
    syscall
.after_syscall:
    EXPECT qword [sys_rcx], .after_syscall, "SYSCALL saved RIP in RCX"
    EXPECT qword [sys_r11], r12, "SYSCALL saved RFLAGS in R11"
    EXPECT qword [sys_cs], KCODE64, "SYSCALL CS"
    EXPECT qword [sys_ss], KDATA64, "SYSCALL SS"
    mov ax, cs
    EXPECT rax, UCODE64 | 3, "SYSRET CS"
    mov ax, ss
    EXPECT rax, UDATA | 3, "SYSRET SS"
    ; Privileged instructions fault with #GP(0).
    EXPECT_FAULT .hlt
    hlt
.hlt:
    EXPECT qword [last_vector], 13, "HLT at CPL 3"
    EXPECT qword [last_error], 0, "#GP(0)"
    EXPECT_FAULT .cr
    mov rax, cr3
.cr:
    EXPECT qword [last_vector], 13, "MOV from CR3 at CPL 3"
    ; A DPL-0 gate raised by INT n at CPL 3: #GP with the IDT bit.
    EXPECT_FAULT .gate
    int 0x40
.gate:
    mov rax, [last_error]
    IDT_ERROR64 rax
    EXPECT rax, 0x40 * 8 + 2, "#GP error for a DPL-0 gate"
    ; Supervisor page from ring 3.
    EXPECT_FAULT .read
    mov al, [0x1f3010]
.read:
    EXPECT qword [last_vector], 14, "#PF from ring 3"
    EXPECT qword [last_error], 5, "#PF error P|U"
    EXPECT qword [last_cr2], 0x1f3010, "CR2"
    EXPECT_FAULT .write
    mov byte [0x1f3020], 1
.write:
    EXPECT qword [last_error], 7, "#PF error P|W|U"
    EXPECT_FAULT .np
    mov al, [0x300000 - 1 + 0x40000000]
.np:
    EXPECT qword [last_error], 4, "#PF error U (not present)"
    int 0x81                       ; back to ring 0
    FAIL "INT 0x81 returned"

back_in_ring0:
    mov ax, cs
    EXPECT rax, KCODE64, "ring 0 again"
    PASS

int80_hook:
    mov rax, [rbp + 24]
    mov [int80_cs], rax
    mov rax, [rbp + 40]
    mov [int80_rsp], rax
    mov rax, [rbp + 48]
    mov [int80_ss], rax
    mov qword [int80_on_rsp0], 0
    cmp rbp, stack0
    jb .off
    cmp rbp, stack0_top
    jae .off
    mov qword [int80_on_rsp0], 1
.off:
    ret

; Turns the ring-3 frame into a return to ring 0 at back_in_ring0.
int81_hook:
    mov qword [rbp + 16], back_in_ring0
    mov qword [rbp + 24], KCODE64
    mov qword [rbp + 32], 2
    mov rax, [kernel_rsp]
    mov [rbp + 40], rax
    mov qword [rbp + 48], KDATA64
    ret

syscall_entry:
    mov [sys_rcx], rcx
    mov [sys_r11], r11
    mov ax, cs
    movzx eax, ax
    mov [sys_cs], rax
    mov ax, ss
    movzx eax, ax
    mov [sys_ss], rax
    o64 sysret
bits 32

kernel_rsp:   dq 0
int80_cs:     dq 0
int80_ss:     dq 0
int80_rsp:    dq 0
int80_on_rsp0: dq 0
sys_rcx:      dq 0
sys_r11:      dq 0
sys_cs:       dq 0
sys_ss:       dq 0
%include "lib/end.inc"
